using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Platform.Training;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.Text;
using iAyos.Messaging.TextEncoding;
using iAyos.Messaging.TrainingWorker.FreelancerTrust;
using iAyos.Messaging.TrainingWorker.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.JobBoard;
using iAyos.Messaging.TrainingWorker.CompletionTime;
using iAyos.Messaging.TrainingWorker.Consumers;
using iAyos.Messaging.TrainingWorker.Jobs;
using iAyos.Messaging.TrainingWorker.PriceModel;
using iAyos.Messaging.TrainingWorker.WorkerRating;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker;

public static class TrainingRegistration
{
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ServiceInstance.Create("training"));
        builder.Services.Configure<TrainingJobOptions>(builder.Configuration.GetSection(TrainingJobOptions.Section));
        builder.Services.Configure<ModelArtifacts>(builder.Configuration.GetSection(ModelArtifacts.Section));
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<TrainingJobStore>();
        builder.Services.AddSingleton<TrainedVersions>();
        builder.Services.AddSingleton<QueuedTrainingRuns>();
        builder.Services.AddSingleton<TrainingWakeUp>();
        builder.Services.AddCategoryCatalog(builder.Configuration);
        builder.Services.AddSingleton<IayosJobsSource>();
        // The kinds this worker takes training commands for; a kind without a trainer fails its runs with that reason.
        builder.Services.AddModelKind(PriceBudgetKind.Instance).AddSingleton<IModelTrainer, PriceModelTrainer>();
        // The iAyos kinds read the read model: completed jobs and each worker's timeline (history as of a moment).
        builder.Services.AddSingleton<ServiceJobReader>();
        builder.Services.AddSingleton<WorkerTimelineReader>();
        builder.Services.AddSingleton<CategoryDefaultsReader>();
        builder.Services.AddModelKind(CompletionTimeKind.Instance).AddSingleton<IModelTrainer, CompletionTimeTrainer>();
        builder.Services.AddModelKind(WorkerRatingKind.Instance).AddSingleton<IModelTrainer, WorkerRatingModelTrainer>();
        // The cleaning networks read the marketplace read model the ScoringWorker folds.
        builder.Services.AddSingleton<MarketplaceSnapshotReader>();
        builder.Services.AddModelKind(CleanerMatchKind.Instance).AddSingleton<IModelTrainer, CleanerMatchTrainer>();
        builder.Services.AddModelKind(CleaningBidKind.Instance).AddSingleton<IModelTrainer, CleaningBidTrainer>();
        builder.Services.AddSingleton<JobBoardSnapshotReader>();
        builder.Services.AddModelKind(JobRecommenderKind.Instance).AddSingleton<IModelTrainer, JobRecommenderTrainer>();
        builder.Services.AddModelKind(FreelancerTrustKind.Instance).AddSingleton<IModelTrainer, FreelancerTrustTrainer>().AddSingleton<ITextEmbedder>(_ => new LazyTextEmbedder(() => new MiniLmEncoder(), MiniLmEncoder.Dimension));
        builder.Services.AddHostedService<TrainingJobRunner>();
        builder.Services.AddMessageBus(builder.Configuration,
            x => x.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>());
        return builder;
    }
}
