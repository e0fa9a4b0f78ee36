using System.Collections.Concurrent;
using iAyos.Messaging.Contracts.Predictions;
using MassTransit;

namespace iAyos.Messaging.Gateway.Tests.ServiceJobs;

/// <summary>Test double: an InferenceWorker that keeps the completion-time requests it got (by worker id) and answers a
/// fixed prediction, alone or coalesced by the Gateway.</summary>
public sealed class CapturingCompletionTimeConsumer : IConsumer<PredictCompletionTime>, IConsumer<PredictBatch<PredictCompletionTime>>
{
    public static readonly ConcurrentDictionary<long, PredictCompletionTime> ByWorker = new();

    public Task Consume(ConsumeContext<PredictCompletionTime> context) => context.RespondAsync(Answer(context.Message));

    public Task Consume(ConsumeContext<PredictBatch<PredictCompletionTime>> context) =>
        context.RespondAsync(new PredictionBatch<CompletionTimePrediction> { Predictions = [.. context.Message.Rows.Select(Answer)] });

    private static CompletionTimePrediction Answer(PredictCompletionTime request)
    {
        if (request.WorkerId is { } worker)
            ByWorker[worker] = request;
        return new CompletionTimePrediction
        {
            PredictedHours = 4.5, ConfidenceIntervalLower = 3, ConfidenceIntervalUpper = 7, ConfidenceLevel = 0.75,
            FormattedDuration = "4-5 hours", Source = PredictionSources.Model, ModelVersion = 1,
        };
    }
}

/// <summary>Test double: keeps worker-rating requests by their bio length (the tests give each worker its own).</summary>
public sealed class CapturingWorkerRatingConsumer : IConsumer<PredictWorkerRating>, IConsumer<PredictBatch<PredictWorkerRating>>
{
    public static readonly ConcurrentQueue<PredictWorkerRating> Received = new();

    public Task Consume(ConsumeContext<PredictWorkerRating> context) => context.RespondAsync(Answer(context.Message));

    public Task Consume(ConsumeContext<PredictBatch<PredictWorkerRating>> context) =>
        context.RespondAsync(new PredictionBatch<WorkerRatingPrediction> { Predictions = [.. context.Message.Rows.Select(Answer)] });

    private static WorkerRatingPrediction Answer(PredictWorkerRating request)
    {
        Received.Enqueue(request);
        return new WorkerRatingPrediction
        {
            ProfileScore = 77, RatingCategory = "Good", ImprovementSuggestions = [], Source = PredictionSources.Model, ModelVersion = 1,
        };
    }
}
