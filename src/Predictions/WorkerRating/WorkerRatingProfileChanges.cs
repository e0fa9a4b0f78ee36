using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>
/// The profile changes a worker can make today, each as the changed request a model re-scores. Only the profile:
/// never rating, jobs or earnings, which a worker cannot simply set. A change that would not change the request
/// (the profile is already complete, say) is not offered.
/// </summary>
public static class WorkerRatingProfileChanges
{
    public sealed record ProfileChange(string Change, string Text, Func<PredictWorkerRating, WorkerRatingFeatureSpec, PredictWorkerRating?> Apply);

    public static readonly IReadOnlyList<ProfileChange> All =
    [
        new("complete_profile", "Complete your profile to 100%",
            (r, _) => r.ProfileCompletion < 100 ? r with { ProfileCompletion = 100 } : null),
        new("bio_500", "Write a bio of about 500 characters describing your skills and experience",
            (r, _) => r.BioLength < 500 ? r with { BioLength = 500 } : null),
        new("set_hourly_rate", "Set your hourly rate so clients can see your pricing up front",
            (r, spec) => r.HourlyRate is > 0 ? null : r with { HourlyRate = spec.TypicalHourlyRate }),
        new("verify_certifications", "Get all your certifications verified",
            (r, _) => r.VerifiedCertificationsCount < r.CertificationsCount ? r with { VerifiedCertificationsCount = r.CertificationsCount } : null),
        new("add_certification", "Add a professional certification",
            (r, _) => r with { CertificationsCount = r.CertificationsCount + 1 }),
        new("add_specialization", "Add a specialization",
            (r, _) => r with { SpecializationsCount = r.SpecializationsCount + 1 }),
        new("become_active", "Set your status to active so clients see you are available",
            (r, _) => r.IsActive == true ? null : r with { IsActive = true }),
    ];

    /// <summary>The changes that apply to this request, with the changed requests, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<(ProfileChange Change, PredictWorkerRating Changed)> Applicable(PredictWorkerRating request, WorkerRatingFeatureSpec spec) =>
        All.Select(c => (Change: c, Changed: c.Apply(request, spec)))
            .Where(x => x.Changed is not null)
            .Select(x => (x.Change, x.Changed!))
            .ToList();
}
