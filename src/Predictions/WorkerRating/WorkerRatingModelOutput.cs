using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>A worker-rating model's sigmoid outputs x 100, with the seed's bands and suggestions from re-scored changes.</summary>
public static class WorkerRatingModelOutput
{
    public static double Score(float sigmoid) => Math.Round(Math.Clamp(sigmoid * 100.0, 0, 100), 1);

    public const double IntervalLevel = 0.75;

    /// <param name="changes">The applicable changes and the model's sigmoid for each changed request.</param>
    /// <param name="intervalHalfWidth">The spec's 75% half-width in points; null for a spec without one (no interval then).</param>
    public static WorkerRatingPrediction ToPrediction(float sigmoid, IReadOnlyList<(WorkerRatingProfileChanges.ProfileChange Change, float Sigmoid)> changes,
        int version, double? intervalHalfWidth = null)
    {
        var score = Score(sigmoid);
        var suggested = changes
            .Select(c => new WorkerRatingChange { Change = c.Change.Change, Text = c.Change.Text, Gain = Math.Round((c.Sigmoid - sigmoid) * 100.0, 1) })
            .Where(c => c.Gain > 0)
            .OrderByDescending(c => c.Gain)
            .ToList();
        return new WorkerRatingPrediction
        {
            ProfileScore = score,
            RatingCategory = RatingCategories.For(score),
            ImprovementSuggestions = suggested.Select(c => c.Text).ToList(),
            SuggestedChanges = suggested,
            ScoreIntervalLower = intervalHalfWidth is { } low ? Math.Round(Math.Max(0, score - low), 1) : null,
            ScoreIntervalUpper = intervalHalfWidth is { } high ? Math.Round(Math.Min(100, score + high), 1) : null,
            ConfidenceLevel = intervalHalfWidth is null ? null : IntervalLevel,
            Source = PredictionSources.Model,
            ModelVersion = version,
        };
    }
}
