using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.TrainingWorker.CompletionTime;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.Tests.CompletionTime;

/// <summary>What the trainer refuses before it reads anything: the database below is never reachable, so a
/// refusal that came after a read would fail these tests with a connection error instead.</summary>
public class CompletionTimeTrainerTests
{
    private static readonly NpgsqlDataSource Unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

    private static CompletionTimeTrainer Trainer()
    {
        var artifacts = Options.Create(new ModelArtifacts());
        // Registration and activation are never reached by these refusals; no bus is needed.
        return new CompletionTimeTrainer(Options.Create(new TrainingJobOptions()), artifacts,
            new ServiceJobReader(Unreachable), new WorkerTimelineReader(Unreachable), new CategoryDefaultsReader(Unreachable),
            new TrainedVersions(new ModelRegistry(Unreachable), artifacts, null!), NullLogger<CompletionTimeTrainer>.Instance);
    }

    private static TrainingJob Job(TrainingParameters parameters) => new(Guid.NewGuid(), "completion-time", parameters, 1, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData("jobs.csv", null)]
    [InlineData(null, "splits/jobs.split.json")]
    public async Task A_csv_or_split_file_is_refused_with_a_reason(string? csv, string? split)
    {
        var error = await Assert.ThrowsAsync<TrainingDataException>(() =>
            Trainer().TrainAsync(Job(new TrainingParameters { CsvFile = csv, SplitFile = split }), "unused.ckpt", null!, CancellationToken.None));

        Assert.Contains("csv_file and split_file are not supported", error.Message);
    }

    [Fact]
    public async Task An_unknown_configuration_is_refused_naming_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<TrainingDataException>(() =>
            Trainer().TrainAsync(Job(new TrainingParameters { Configuration = "transformer" }), "unused.ckpt", null!, CancellationToken.None));

        Assert.Contains("served or seed", error.Message);
    }

    [Fact]
    public void The_trainer_is_for_the_completion_time_kind()
    {
        Assert.Equal("completion-time", Trainer().Kind);
    }
}
