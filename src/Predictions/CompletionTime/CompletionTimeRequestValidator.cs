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
}
