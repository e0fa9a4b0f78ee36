using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.ScoringWorker.Caching;
using iAyos.Messaging.ScoringWorker.Experiments;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>
/// The recommendation endpoints' worker: loads the facts, lets <see cref="RecommendationEngine"/> and
/// <see cref="BidSuggestionEngine"/> rank and suggest in the mode asked, records what was shown and answers.
/// A request that names no mode is served in its client's experiment arm when an experiment runs. A job's ranked
/// list is cached (<see cref="RecommendationCache"/>); every showing, cached or not, gets fresh recommendation ids,
/// so outcomes are tracked per showing.
/// </summary>
public sealed class RecommendationsConsumer(RecommendationReader reader, RecommendationLog log, RecommendationEngine engine, BidSuggestionEngine bids,
    RecommendationCache cache, ExperimentArms experiments) :
    IConsumer<RecommendCleanersForJob>, IConsumer<RecommendJobsForCleaner>, IConsumer<SuggestBid>
{
    public const int MaxLimit = 100;

    public async Task Consume(ConsumeContext<RecommendCleanersForJob> context)
    {
        var request = context.Message;
        if (request.Limit is < 1 or > MaxLimit || request.MaxDistanceKm is <= 0 or > 500 || double.IsNaN(request.MaxDistanceKm))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["limit"] = ["limit 1-100 and max_distance_km 0-500 expected."] });
        RequireKnownMode(request.Mode);
        var job = await reader.JobAsync(request.JobId, context.CancellationToken);
        if (job is null)
        {
            await context.RespondAsync(new RecommendationNotFound { Message = $"No job {request.JobId}." });
            return;
        }

        var arm = request.Mode is null ? experiments.ForClient(job.ClientId) : null;
        var mode = engine.Resolve(request.Mode ?? arm?.Arm);
        var answer = await cache.GetOrComputeAsync(job.JobId, new RecommendationVariant(mode, request.Limit, request.MaxDistanceKm),
            async ct =>
            {
                var cleaners = await reader.CleanersAsync(ct);
                var bidsOnJob = await reader.BidsOnJobAsync(job.JobId, ct);
                return engine.RankCleaners(job, cleaners, bidsOnJob, mode, request.Limit, request.MaxDistanceKm);
            },
            context.CancellationToken,
            // A fallback is not what was asked for: the next request tries the model again.
            cacheable: ranked => ranked.Fallback is null);
        var ranked = answer.Value;
        var shown = answer.FromCache
            ? ranked.Recommendations.Select(r => r with { RecommendationId = NewId.NextGuid() }).ToList()
            : ranked.Recommendations;
        await log.CleanersShownAsync(job.JobId, job.ClientId, ranked.Mode, shown, context.CancellationToken, arm);
        await context.RespondAsync(new CleanerRecommendationList
        {
            JobId = job.JobId,
            Mode = ranked.Mode,
            RequestedMode = ranked.RequestedMode,
            ModelVersion = ranked.ModelVersion,
            Fallback = ranked.Fallback,
            FromCache = answer.FromCache,
            Experiment = arm?.Experiment,
            Arm = arm?.Arm,
            Recommendations = shown,
        });
    }

    public async Task Consume(ConsumeContext<RecommendJobsForCleaner> context)
    {
        var request = context.Message;
        if (request.Limit is < 1 or > MaxLimit)
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 100."] });
        RequireKnownMode(request.Mode);
        var cleaner = await reader.CleanerAsync(request.CleanerId, context.CancellationToken);
        if (cleaner is null)
        {
            await context.RespondAsync(new RecommendationNotFound { Message = $"No cleaner {request.CleanerId}." });
            return;
        }

        var jobs = await reader.OpenJobsForAsync(cleaner.CleanerId, context.CancellationToken);
        var ranked = engine.RankJobs(cleaner, jobs, request.Mode, request.Limit);
        await log.JobsShownAsync(cleaner.CleanerId, ranked.Mode, ranked.Recommendations, context.CancellationToken);
        await context.RespondAsync(new JobRecommendationList
        {
            CleanerId = cleaner.CleanerId,
            Mode = ranked.Mode,
            RequestedMode = ranked.RequestedMode,
            ModelVersion = ranked.ModelVersion,
            Fallback = ranked.Fallback,
            Recommendations = ranked.Recommendations,
        });
    }

    public async Task Consume(ConsumeContext<SuggestBid> context)
    {
        RequireKnownMode(context.Message.Mode);
        var job = await reader.JobAsync(context.Message.JobId, context.CancellationToken);
        var cleaner = await reader.CleanerAsync(context.Message.CleanerId, context.CancellationToken);
        if (job is null || cleaner is null)
        {
            await context.RespondAsync(new RecommendationNotFound
            {
                Message = job is null ? $"No job {context.Message.JobId}." : $"No cleaner {context.Message.CleanerId}.",
            });
            return;
        }

        var market = await reader.MarketAveragePerHourAsync(job.PropertyType, context.CancellationToken);
        var result = bids.Suggest(job, cleaner, market, context.Message.Mode);
        await log.BidSuggestedAsync(result, context.CancellationToken);
        await context.RespondAsync(result);
    }

    /// <summary>The Gateway validates the mode; a message from elsewhere with an unknown one goes to the error queue.</summary>
    private static void RequireKnownMode(string? mode)
    {
        if (mode is not null && !RecommendationModes.IsKnown(mode))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["mode"] = [$"must be one of {string.Join(", ", RecommendationModes.All)}."] });
    }
}

public sealed class RecommendationsConsumerDefinition : ConsumerDefinition<RecommendationsConsumer>
{
    public RecommendationsConsumerDefinition()
    {
        EndpointName = QueueNames.Recommendations;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecommendationsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseImmediateRetryUnlessInvalid();
}
