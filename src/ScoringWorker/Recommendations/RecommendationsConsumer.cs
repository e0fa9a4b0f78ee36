using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>
/// The rule-based engine behind the recommendation endpoints. Each answer says its mode; a neural or
/// ensemble scorer of a later issue would score the same candidates and blend here.
/// </summary>
public sealed class RecommendationsConsumer(RecommendationReader reader, RecommendationLog log) :
    IConsumer<RecommendCleanersForJob>, IConsumer<RecommendJobsForCleaner>, IConsumer<SuggestBid>
{
    public const int MaxLimit = 100;

    public async Task Consume(ConsumeContext<RecommendCleanersForJob> context)
    {
        var request = context.Message;
        if (request.Limit is < 1 or > MaxLimit || request.MaxDistanceKm is <= 0 or > 500 || double.IsNaN(request.MaxDistanceKm))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["limit"] = ["limit 1-100 and max_distance_km 0-500 expected."] });
        var job = await reader.JobAsync(request.JobId, context.CancellationToken);
        if (job is null)
        {
            await context.RespondAsync(new RecommendationNotFound { Message = $"No job {request.JobId}." });
            return;
        }

        var cleaners = await reader.CleanersAsync(context.CancellationToken);
        var ranked = cleaners
            .Select(c => (Cleaner: c, Match: CleanerMatchScorer.Score(job, c, request.MaxDistanceKm)))
            .Where(x => x.Match is not null)
            .OrderByDescending(x => x.Match!.Score).ThenBy(x => x.Match!.DistanceKm).ThenBy(x => x.Cleaner.CleanerId)
            .Take(request.Limit)
            .Select((x, i) => new RecommendedCleaner
            {
                RecommendationId = NewId.NextGuid(),
                CleanerId = x.Cleaner.CleanerId,
                DisplayName = x.Cleaner.DisplayName,
                Rank = i + 1,
                Score = x.Match!.Score,
                RuleBasedScore = x.Match.Score,
                DistanceKm = Math.Round(x.Match.DistanceKm, 2),
                Breakdown = x.Match.Breakdown,
                Reasoning = x.Match.Reasoning,
            })
            .ToList();
        await log.CleanersShownAsync(job.JobId, job.ClientId, ranked, context.CancellationToken);
        await context.RespondAsync(new CleanerRecommendationList { JobId = job.JobId, Mode = RecommendationModes.RuleBased, Recommendations = ranked });
    }

    public async Task Consume(ConsumeContext<RecommendJobsForCleaner> context)
    {
        var request = context.Message;
        if (request.Limit is < 1 or > MaxLimit)
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 100."] });
        var cleaner = await reader.CleanerAsync(request.CleanerId, context.CancellationToken);
        if (cleaner is null)
        {
            await context.RespondAsync(new RecommendationNotFound { Message = $"No cleaner {request.CleanerId}." });
            return;
        }

        var jobs = await reader.OpenJobsForAsync(cleaner.CleanerId, context.CancellationToken);
        var ranked = jobs
            .Select(j => (Job: j, Match: JobMatchScorer.Score(j, cleaner)))
            .OrderByDescending(x => x.Match.Score).ThenBy(x => x.Match.DistanceKm).ThenBy(x => x.Job.JobId)
            .Take(request.Limit)
            .Select((x, i) => new RecommendedJob
            {
                RecommendationId = NewId.NextGuid(),
                JobId = x.Job.JobId,
                Rank = i + 1,
                Score = x.Match.Score,
                DistanceKm = Math.Round(x.Match.DistanceKm, 2),
                Breakdown = x.Match.Breakdown,
                Reasoning = x.Match.Reasoning,
            })
            .ToList();
        await log.JobsShownAsync(cleaner.CleanerId, ranked, context.CancellationToken);
        await context.RespondAsync(new JobRecommendationList { CleanerId = cleaner.CleanerId, Mode = RecommendationModes.RuleBased, Recommendations = ranked });
    }

    public async Task Consume(ConsumeContext<SuggestBid> context)
    {
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
        var suggestion = BidSuggester.Suggest(job, cleaner, market);
        var result = new BidSuggestionResult
        {
            SuggestionId = NewId.NextGuid(),
            JobId = job.JobId,
            CleanerId = cleaner.CleanerId,
            MinBid = suggestion.MinBid,
            OptimalBid = suggestion.OptimalBid,
            MaxBid = suggestion.MaxBid,
            Mode = RecommendationModes.RuleBased,
            Inputs = suggestion.Inputs,
            Reasoning = suggestion.Reasoning,
        };
        await log.BidSuggestedAsync(result, context.CancellationToken);
        await context.RespondAsync(result);
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
