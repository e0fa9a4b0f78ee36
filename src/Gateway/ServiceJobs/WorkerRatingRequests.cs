using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Gateway.ServiceJobs;

/// <summary>A worker's rating request from the read model: the profile in effect and the history so far.</summary>
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
