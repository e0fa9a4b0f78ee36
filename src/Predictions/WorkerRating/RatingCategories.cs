namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>The seed's score bands: 85-100 Excellent, 70-84 Good, 50-69 Fair, 0-49 Poor.</summary>
public static class RatingCategories
{
    public static string For(double score) => score switch
    {
        >= 85 => "Excellent",
        >= 70 => "Good",
        >= 50 => "Fair",
        _ => "Poor",
    };
}
