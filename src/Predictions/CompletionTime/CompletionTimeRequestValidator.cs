using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.CompletionTime;

public static class CompletionTimeRequestValidator
{
    public const decimal MaxBudget = 100_000_000m;

    public static Validated<PredictCompletionTime> Validate(PredictCompletionTime request)
    {
        var errors = new FieldErrors();
        if (request.CategoryId is <= 0)
            errors.Add("category_id", "must be a positive integer.");
        errors.MaxLength("category", request.Category, 100);
        if (request.Budget is < 0)
            errors.Add("budget", "must not be negative.");
        else
            errors.Range("budget", request.Budget, 0m, MaxBudget);
        var urgency = errors.OneOf("urgency", request.Urgency, Urgency.All, Urgency.Medium);
        var jobType = errors.OneOf("job_type", request.JobType, JobType.All, JobType.Listing);
        var materials = errors.ShortList("materials", request.Materials, 50, 100);
        if (request.WorkerId is <= 0)
            errors.Add("worker_id", "must be a positive integer.");
        if (request.Worker is { } worker)
            ValidateWorker(errors, worker);
        // Day, hour and month are features; a date outside these years is a client's mistake, not a job.
        if (request.PostedAt is { } posted && (posted.Year < 2000 || posted.Year > 2100))
            errors.Add("posted_at", "must be between the years 2000 and 2100.");

        if (!errors.IsEmpty)
            return new Validated<PredictCompletionTime>(null, errors.ToDictionary());
        return new Validated<PredictCompletionTime>(request with
        {
            Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim(),
            Urgency = urgency,
            JobType = jobType,
            Materials = materials,
        }, errors.ToDictionary());
    }

    /// <summary>A worker's history as the Gateway computes it; a client sending one gets the same bounds.</summary>
    private static void ValidateWorker(FieldErrors errors, WorkerHistory w)
    {
        errors.Range("worker.completed_jobs", w.CompletedJobs, 0, 100_000);
        errors.Range("worker.reviewed_jobs", w.ReviewedJobs, 0, Math.Max(0, w.CompletedJobs));
        errors.Range("worker.average_rating", w.AverageRating, 1.0, 5.0);
        errors.Range("worker.average_satisfaction", w.AverageSatisfaction, 0.0, 100.0);
        errors.Range("worker.total_earnings", w.TotalEarnings, 0m, MaxBudget * 1000);
        errors.Range("worker.pace_log", w.PaceLog, -10.0, 10.0);
        errors.Range("worker.paced_jobs", w.PacedJobs, 0, Math.Max(0, w.CompletedJobs));
        errors.Range("worker.specializations_count", w.SpecializationsCount, 0, 100);
        errors.Range("worker.years_experience", w.YearsExperience, 0.0, 80.0);
        errors.Range("worker.profile_completion", w.ProfileCompletion, 0.0, 100.0);
    }
}
