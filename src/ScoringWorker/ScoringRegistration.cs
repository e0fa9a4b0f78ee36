using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.ScoringWorker.Caching;
using iAyos.Messaging.ScoringWorker.Experiments;
using iAyos.Messaging.ScoringWorker.ReadModel;
using iAyos.Messaging.ScoringWorker.Recommendations;
using iAyos.Messaging.ScoringWorker.Scoring;
using iAyos.Messaging.ScoringWorker.ServiceJobs;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker;

public static class ScoringRegistration
{
    public static WebApplicationBuilder AddScoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(ScoringOptions.Section).Get<ScoringOptions>() ?? new ScoringOptions());
        builder.Services.AddSingleton<RecommendationReader>();
        builder.Services.AddSingleton<RecommendationLog>();
        builder.AddRecommendationCache();
        builder.AddExperiments();
        builder.Services.AddHostedService<RecomputeSchedule>();
        builder.Services.AddHostedService<ScoreRefresher>();
        builder.Services.AddMessageBus(builder.Configuration, AddScoringConsumers);
        return builder;
    }

    public static void AddScoringConsumers(IBusRegistrationConfigurator x)
    {
        x.AddConsumer<MarketplaceEventsConsumer, MarketplaceEventsConsumerDefinition>();
        x.AddConsumer<ServiceJobEventsConsumer, ServiceJobEventsConsumerDefinition>();
        x.AddConsumer<RecomputeCleanerScoresConsumer, RecomputeCleanerScoresConsumerDefinition>();
        x.AddConsumer<RecommendationsConsumer, RecommendationsConsumerDefinition>();
        x.AddConsumer<OutcomesConsumer, OutcomesConsumerDefinition>();
        x.AddConsumer<ModelActivatedCacheInvalidation, ModelActivatedCacheInvalidationDefinition>();
    }
}
