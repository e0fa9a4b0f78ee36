using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>
/// Seed 001 Model 3's heuristic fallback: a points table summing to 100, with suggestions aimed at the
/// components that lost the most points.
/// </summary>
public static class WorkerRatingHeuristic
{
    public const int MaxSuggestions = 5;

    /// <summary>One row of the seed's points table: what it earned, its maximum, and what would raise it.</summary>
    public sealed record Component(string Name, double Points, double MaxPoints, string? Suggestion)
    {
        public double Missing => MaxPoints - Points;
    }

    public static IReadOnlyList<Component> Components(PredictWorkerRating r)
    {
        var verifiedRatio = r.CertificationsCount > 0 ? (double)r.VerifiedCertificationsCount / r.CertificationsCount : 0;
        var rateSet = r.HourlyRate is > 0;
        return
        [
            new("profile_completion", Math.Clamp(r.ProfileCompletion, 0, 100) / 100 * 20, 20,
                r.ProfileCompletion < 80 ? "Complete your profile to at least 80% for better visibility" : null),
            new("bio", Math.Min(r.BioLength / 200.0, 1) * 5, 5,
                r.BioLength < 200 ? "Write a bio of at least 200 characters describing your skills and experience" : null),
            new("experience", Math.Min(r.YearsExperience / 10, 1) * 15, 15,
                r.SpecializationsCount == 0 ? "Add your specializations and years of experience for each" : null),
            new("certifications", Math.Min(r.CertificationsCount * 2 + verifiedRatio * 5, 10), 10,
                r.CertificationsCount == 0 ? "Add professional certifications to build trust with clients"
                : verifiedRatio < 1 ? "Get your certifications verified to increase your credibility" : null),
            new("completed_jobs", Math.Min(r.CompletedJobs / 50.0, 1) * 15, 15,
                r.CompletedJobs < 50 ? "Complete more jobs to build your track record" : null),
            new("average_rating", Math.Clamp(r.AverageRating, 0, 5) / 5 * 25, 25,
                r.CompletedJobs > 0 && r.AverageRating < 4.5 ? "Focus on service quality to raise your average rating" : null),
            new("hourly_rate", rateSet ? 5 : 0, 5,
                rateSet ? null : "Set your hourly rate so clients can see your pricing up front"),
            new("active_status", r.IsActive == true ? 5 : 0, 5,
                r.IsActive == true ? null : "Stay active on the platform so clients see you are available"),
        ];
    }

    public static WorkerRatingPrediction Estimate(PredictWorkerRating request, string source)
    {
        var components = Components(request);
        var score = Math.Round(Math.Clamp(components.Sum(c => c.Points), 0, 100), 1);
        var suggestions = components
            .Where(c => c.Suggestion is not null && c.Missing > 0)
            .OrderByDescending(c => c.Missing)
            .Take(MaxSuggestions)
            .Select(c => c.Suggestion!)
            .ToList();
        return new WorkerRatingPrediction
        {
            ProfileScore = score,
            RatingCategory = RatingCategories.For(score),
            ImprovementSuggestions = suggestions,
            Source = source,
        };
    }
}
