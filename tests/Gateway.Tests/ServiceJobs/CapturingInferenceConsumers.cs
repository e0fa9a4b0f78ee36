using System.Collections.Concurrent;
using iAyos.Messaging.Contracts.Predictions;
using MassTransit;

namespace iAyos.Messaging.Gateway.Tests.ServiceJobs;

/// <summary>Test double: an InferenceWorker that keeps the completion-time requests it got (by worker id) and answers a fixed prediction.</summary>
public sealed class CapturingCompletionTimeConsumer : IConsumer<PredictCompletionTime>
{
    public static readonly ConcurrentDictionary<long, PredictCompletionTime> ByWorker = new();

    public Task Consume(ConsumeContext<PredictCompletionTime> context)
    {
        if (context.Message.WorkerId is { } worker)
            ByWorker[worker] = context.Message;
        return context.RespondAsync(new CompletionTimePrediction
        {
            PredictedHours = 4.5, ConfidenceIntervalLower = 3, ConfidenceIntervalUpper = 7, ConfidenceLevel = 0.75,
            FormattedDuration = "4-5 hours", Source = PredictionSources.Model, ModelVersion = 1,
        });
    }
}

/// <summary>Test double: keeps worker-rating requests by their bio length (the tests give each worker its own).</summary>
public sealed class CapturingWorkerRatingConsumer : IConsumer<PredictWorkerRating>
{
    public static readonly ConcurrentQueue<PredictWorkerRating> Received = new();

    public Task Consume(ConsumeContext<PredictWorkerRating> context)
    {
        Received.Enqueue(context.Message);
        return context.RespondAsync(new WorkerRatingPrediction
        {
            ProfileScore = 77, RatingCategory = "Good", ImprovementSuggestions = [], Source = PredictionSources.Model, ModelVersion = 1,
        });
    }
}
