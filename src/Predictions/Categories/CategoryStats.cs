namespace iAyos.Messaging.Predictions.Categories;

/// <summary>
/// What the fallback estimators know about one job category: a price range in PHP and a typical
/// duration as a log-normal (median hours and the spread of ln(hours)).
/// </summary>
public sealed record CategoryStats(
    int Id,
    string Name,
    decimal MinPrice,
    decimal AvgPrice,
    decimal MaxPrice,
    double MedianHours,
    double LogHoursSd,
    int CompletedJobs);
