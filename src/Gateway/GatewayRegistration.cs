using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Gateway.Models;
using iAyos.Messaging.Gateway.Predictions;
using iAyos.Messaging.Gateway.Predictions.Coalescing;
using iAyos.Messaging.Gateway.Recommendations;
using iAyos.Messaging.Gateway.Resilience;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Platform.Training;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Gateway.ServiceJobs;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Gateway.Status;
using iAyos.Messaging.Gateway.Training;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Health;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.Gateway;

public static class GatewayRegistration
{
    /// <summary>The kinds the Gateway takes predictions, status and training requests for: one line each.</summary>
    public static readonly IReadOnlyList<IModelKind> ServedKinds =
    [
        PriceBudgetKind.Instance,
        CompletionTimeKind.Instance,
        WorkerRatingKind.Instance,
        FreelancerTrustKind.Instance,
    ];

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.Configure<GatewayOptions>(section);
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        // The seeds' HTTP JSON is snake_case; numbers must be numbers.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // Routing refuses a non-JSON body with a bare 415 before any handler runs; name the header at fault.
        builder.Services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail = $"Content-Type '{context.HttpContext.Request.ContentType ?? "(none)"}' is not supported; send 'application/json'.";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = ["must be application/json."] };
            }
        });
        builder.AddGatewayAuthentication();
        builder.AddGatewayRateLimiting();
        builder.Services.AddOpenApi();
        foreach (var kind in ServedKinds)
            builder.Services.AddModelKind(kind);
        // Trained and versioned here too (train, list, activate), but served inside the ScoringWorker's answers: no prediction routes.
        builder.Services.AddModelKind(CleanerMatchKind.Instance);
        builder.Services.AddModelKind(CleaningBidKind.Instance);
        builder.Services.AddModelKind(JobRecommenderKind.Instance);
        builder.Services.AddCategoryCatalog(builder.Configuration);
        builder.Services.Configure<CircuitBreakerOptions>(builder.Configuration.GetSection(CircuitBreakerOptions.Section));
        builder.Services.AddSingleton<CircuitBreakers>();
        builder.Services.AddSingleton(new WatchedQueues(
            [.. ServedKinds.Select(k => k.Queue), QueueNames.PredictBatch, QueueNames.ModelStatus, QueueNames.Recommendations, QueueNames.RecommendationOutcomes, QueueNames.UserJobRecommendations]));
        builder.Services.AddHostedService<ConsumerWatcher>();
        builder.Services.AddExceptionHandler<DependencyExceptionHandler>();
        builder.Services.AddSingleton<QueuedTrainingRuns>();
        builder.Services.AddSingleton<InferenceCaller>();
        builder.Services.AddOptions<CoalescingOptions>().Bind(builder.Configuration.GetSection(CoalescingOptions.Section))
            .Validate(o => !o.Problems().Any(), $"{CoalescingOptions.Section} has values out of range: MaxBatchSize 1 to 1000, MaxBatchesInFlight 1 to 1024.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PredictionCoalescers>();
        builder.Services.AddSingleton<ScoringCaller>();
        builder.Services.Configure<ModelArtifacts>(builder.Configuration.GetSection(ModelArtifacts.Section));
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<TrainingRunsReader>();
        builder.Services.AddSingleton<ExperimentReader>();
        builder.Services.AddSingleton<DatasetStatsReader>();
        builder.Services.AddSingleton<ServiceJobReader>();
        builder.Services.AddSingleton<WorkerTimelineReader>();
        builder.Services.AddSingleton<IPredictionRequestEnricher<PredictCompletionTime>, WorkerHistoryEnricher>();

        builder.Services.AddMessageBus(builder.Configuration, x =>
        {
            x.AddConsumer<TrainingProgressConsumer, TrainingProgressConsumerDefinition>();
            foreach (var kind in ServedKinds)
                kind.Accept(new KindRequestClients(x));
            x.AddRequestClient<GetModelStatus>(QueueNames.Address(QueueNames.ModelStatus));
            x.AddRequestClient<RecommendCleanersForJob>(QueueNames.Address(QueueNames.Recommendations));
            x.AddRequestClient<RecommendJobsForCleaner>(QueueNames.Address(QueueNames.Recommendations));
            x.AddRequestClient<SuggestBid>(QueueNames.Address(QueueNames.Recommendations));
            x.AddRequestClient<RecommendJobsForUser>(QueueNames.Address(QueueNames.UserJobRecommendations));
            x.AddRequestClient<RecordRecommendationOutcome>(QueueNames.Address(QueueNames.RecommendationOutcomes));
            x.AddRequestClient<SubmitRecommendationFeedback>(QueueNames.Address(QueueNames.RecommendationOutcomes));
        });
        // Registered after the bus, so the bus has started when the warm-up request goes out.
        builder.Services.AddSingleton<RequestPathWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RequestPathWarmup>());
        builder.Services.AddHealthChecks().AddCheck<RequestPathWarmup>("request-path", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Authentication before the limiter: it partitions by the token's subject.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapPredictionEndpoints();
        app.MapServiceJobPredictions();
        app.MapBatchPrediction();
        app.MapModelStatusEndpoints();
        app.MapTrainingEndpoints();
        app.MapRecommendationEndpoints();
        app.MapUserJobRecommendations();
        app.MapExperimentEndpoints();
        app.MapModelEndpoints();
        Ops.OpsEndpoints.MapDashboard(app);
        return app;
    }

    /// <summary>A kind's request clients: single requests to its own queue, batches to the shared batch queue (the
    /// coalescer makes its own client for batches to the kind's queue).</summary>
    private sealed class KindRequestClients(IBusRegistrationConfigurator x) : IModelKindVisitor<bool>
    {
        public bool Visit<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
            where TRequest : class
            where TResponse : class
        {
            x.AddRequestClient<TRequest>(QueueNames.Address(kind.Queue));
            x.AddRequestClient<PredictBatch<TRequest>>(QueueNames.Address(QueueNames.PredictBatch));
            return true;
        }
    }
}
