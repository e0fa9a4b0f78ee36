using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>A worker as a rating request at a moment: the profile in effect then and the history before it
/// (reviews given before it only). Training rows at a cut-off and a served "now" are built the same way.</summary>
public static class WorkerRatingRequests
{
    public static PredictWorkerRating AsOf(WorkerTimeline timeline, DateTimeOffset at)
    {
        var profile = timeline.ProfileAsOf(at);
        var history = timeline.HistoryAsOf(at);
        return new PredictWorkerRating
        {
            ProfileCompletion = profile?.ProfileCompletion ?? 0,
            BioLength = profile?.BioLength ?? 0,
            HourlyRate = profile?.HourlyRate,
            YearsExperience = profile?.YearsExperience ?? 0,
            SpecializationsCount = profile?.Specializations.Count ?? 0,
            CertificationsCount = profile?.Certifications ?? 0,
            VerifiedCertificationsCount = profile?.VerifiedCertifications ?? 0,
            CompletedJobs = history.CompletedJobs,
            AverageRating = history.AverageRating ?? 0,
            TotalEarnings = history.TotalEarnings,
            ClientSatisfaction = history.AverageSatisfaction,
            IsActive = profile?.IsActive,
        };
    }
}
