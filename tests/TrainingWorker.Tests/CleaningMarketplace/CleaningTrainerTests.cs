using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.TrainingWorker.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.Tests.CleaningMarketplace;

/// <summary>What the cleaning trainers refuse before they read anything: the database below is never reachable, so a
/// refusal that came after a read would fail these tests with a connection error instead.</summary>
public class CleaningTrainerTests
{
    private static readonly NpgsqlDataSource Unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

    public static TheoryData<string> Kinds => ["cleaner-match", "cleaning-bid"];

    private static IModelTrainer Trainer(string kind)
    {
        var artifacts = Options.Create(new ModelArtifacts());
        var options = Options.Create(new TrainingJobOptions());
        var reader = new MarketplaceSnapshotReader(Unreachable);
        // Registration and activation are never reached by these refusals; no bus is needed.
        var versions = new TrainedVersions(new ModelRegistry(Unreachable), artifacts, null!);
        return kind == "cleaner-match"
            ? new CleanerMatchTrainer(options, artifacts, reader, versions, NullLogger<CleanerMatchTrainer>.Instance)
            : new CleaningBidTrainer(options, artifacts, reader, versions, NullLogger<CleaningBidTrainer>.Instance);
    }

    private static TrainingJob Job(string kind, TrainingParameters parameters) => new(Guid.NewGuid(), kind, parameters, 1, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData("cleaner-match", "market.csv", null)]
    [InlineData("cleaner-match", null, "splits/market.split.json")]
    [InlineData("cleaning-bid", "market.csv", null)]
    [InlineData("cleaning-bid", null, "splits/market.split.json")]
    public async Task A_csv_or_split_file_is_refused_with_a_reason(string kind, string? csv, string? split)
    {
        var error = await Assert.ThrowsAsync<TrainingDataException>(() =>
            Trainer(kind).TrainAsync(Job(kind, new TrainingParameters { CsvFile = csv, SplitFile = split }), "unused.ckpt", null!, CancellationToken.None));

        Assert.Contains("csv_file and split_file are not supported", error.Message);
        Assert.StartsWith(kind, error.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_trainer_is_for_its_kind(string kind)
    {
        Assert.Equal(kind, Trainer(kind).Kind);
    }
}
