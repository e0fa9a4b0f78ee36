using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.ScoringWorker.Caching;
using iAyos.Messaging.ScoringWorker.Experiments;
using iAyos.Messaging.ScoringWorker.ReadModel;
using iAyos.Messaging.ScoringWorker.Recommendations;
using iAyos.Messaging.ScoringWorker.Scoring;
using iAyos.Messaging.ScoringWorker.ServiceJobs;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker;

public static class ScoringRegistration
{
    public static WebApplicationBuilder AddScoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(ScoringOptions.Section).Get<ScoringOptions>() ?? new ScoringOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection(RecommendationOptions.Section).Get<RecommendationOptions>() ?? new RecommendationOptions());
        // Only the cleaning networks: loaded at start, on ModelActivated and on ReloadModels; a version that fails to
        // load leaves the serving one in place. Before the bus, so no request finds them half-loaded.
        builder.Services.AddRegistryModels(builder.Configuration, ServedKinds);
        builder.Services.AddSingleton<CleanerMatchNetwork>();
        builder.Services.AddSingleton<RecommendationEngine>();
        builder.Services.AddSingleton<BidSuggestionEngine>();
        builder.Services.AddSingleton<RecommendationReader>();
        builder.Services.AddSingleton<RecommendationLog>();
        builder.AddRecommendationCache();
        builder.AddExperiments();
        builder.Services.AddHostedService<RecomputeSchedule>();
        builder.Services.AddHostedService<ScoreRefresher>();
        var instance = ServiceInstance.Create("scoring");
        builder.Services.AddSingleton(instance);
        builder.Services.AddMessageBus(builder.Configuration, x =>
        {
            AddScoringConsumers(x);
            AddModelConsumers(x, instance);
        });
        return builder;
    }

    /// <summary>The registry kinds this worker serves inside its answers.</summary>
    public static readonly IReadOnlyList<ITrainedKind> ServedKinds = [CleanerMatchKind.Instance, CleaningBidKind.Instance, JobRecommenderKind.Instance];

    /// <summary>Fan-out consumers, a temporary queue per instance: every replica loads what was activated or reloaded.</summary>
    public static void AddModelConsumers(IBusRegistrationConfigurator x, ServiceInstance instance)
    {
        x.AddModelActivatedConsumer(instance);
        x.AddReloadActiveModelsConsumer(instance);
    }

    public static void AddScoringConsumers(IBusRegistrationConfigurator x)
    {
        x.AddConsumer<MarketplaceEventsConsumer, MarketplaceEventsConsumerDefinition>();
        x.AddConsumer<ServiceJobEventsConsumer, ServiceJobEventsConsumerDefinition>();
        x.AddConsumer<JobBoard.ReadModel.JobBoardEventsConsumer, JobBoard.ReadModel.JobBoardEventsConsumerDefinition>();
        x.AddConsumer<RecomputeCleanerScoresConsumer, RecomputeCleanerScoresConsumerDefinition>();
        x.AddConsumer<RecommendationsConsumer, RecommendationsConsumerDefinition>();
        x.AddConsumer<OutcomesConsumer, OutcomesConsumerDefinition>();
        x.AddConsumer<ModelActivatedCacheInvalidation, ModelActivatedCacheInvalidationDefinition>();
    }
}
