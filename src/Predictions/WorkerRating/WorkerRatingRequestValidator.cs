using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.WorkerRating;

public static class WorkerRatingRequestValidator
{
    public static Validated<PredictWorkerRating> Validate(PredictWorkerRating request)
    {
        var errors = new FieldErrors();
        errors.Range("profile_completion", request.ProfileCompletion, 0, 100);
        if (request.BioLength < 0)
            errors.Add("bio_length", "must not be negative.");
        if (request.HourlyRate is < 0)
            errors.Add("hourly_rate", "must not be negative.");
        errors.Range("years_experience", request.YearsExperience, 0, 80);
        if (request.SpecializationsCount < 0)
            errors.Add("specializations_count", "must not be negative.");
        if (request.CertificationsCount < 0)
            errors.Add("certifications_count", "must not be negative.");
        if (request.VerifiedCertificationsCount < 0)
            errors.Add("verified_certifications_count", "must not be negative.");
        else if (request.VerifiedCertificationsCount > Math.Max(request.CertificationsCount, 0))
            errors.Add("verified_certifications_count", "must not exceed certifications_count.");
        if (request.CompletedJobs < 0)
            errors.Add("completed_jobs", "must not be negative.");
        errors.Range("average_rating", request.AverageRating, 0, 5);
        if (request.TotalEarnings < 0)
            errors.Add("total_earnings", "must not be negative.");
        errors.Range("client_satisfaction", request.ClientSatisfaction, 0, 100);
        errors.MaxLength("country", request.Country, 100);
        errors.MaxLength("primary_skill", request.PrimarySkill, 100);

        return errors.IsEmpty
            ? new Validated<PredictWorkerRating>(request, errors.ToDictionary())
            : new Validated<PredictWorkerRating>(null, errors.ToDictionary());
    }
}
