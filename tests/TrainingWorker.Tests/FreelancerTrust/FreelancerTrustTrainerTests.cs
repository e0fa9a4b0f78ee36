using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Platform.Storage;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;
using iAyos.Messaging.Training.Tests.FreelancerTrust;
using iAyos.Messaging.TrainingWorker.FreelancerTrust;
using iAyos.Messaging.TrainingWorker.Jobs;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.Tests.FreelancerTrust;

/// <summary>What the trainer refuses before it reads or trains anything.</summary>
public class FreelancerTrustTrainerRefusalTests
{
    private static readonly NpgsqlDataSource Unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

    private static FreelancerTrustTrainer Trainer(string dataDirectory)
    {
        var artifacts = Options.Create(new ModelArtifacts());
        return new FreelancerTrustTrainer(Options.Create(new TrainingJobOptions { DataDirectory = dataDirectory }), artifacts, new HashingTextEmbedder(),
            new TrainedVersions(new ModelRegistry(Unreachable), artifacts, null!), NullLogger<FreelancerTrustTrainer>.Instance);
    }

    private static TrainingJob Job(TrainingParameters parameters) => new(Guid.NewGuid(), FreelancerTrustKind.KindName, parameters, 1, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(null, "'trust-profiles.jsonl' is not in the training data directory")]
    [InlineData("../outside.jsonl", "outside the training data directory")]
    public async Task A_missing_or_outside_file_is_refused_naming_it(string? file, string message)
    {
        var error = await Assert.ThrowsAsync<TrainingDataException>(() =>
            Trainer(Directory.CreateTempSubdirectory("trust-data-").FullName).TrainAsync(Job(new TrainingParameters { CsvFile = file }), "unused.ckpt", null!, CancellationToken.None));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task An_unknown_configuration_is_refused_naming_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<TrainingDataException>(() =>
            Trainer(".").TrainAsync(Job(new TrainingParameters { Configuration = "served" }), "unused.ckpt", null!, CancellationToken.None));

        Assert.Contains("seed, text-only, indicators-only", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_labelled_profiles_is_refused_with_its_line()
    {
        var directory = Directory.CreateTempSubdirectory("trust-data-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "trust-profiles.jsonl"), "{\"id\": 3}\n");

        var error = await Assert.ThrowsAsync<TrainingDataException>(() =>
            Trainer(directory).TrainAsync(Job(new TrainingParameters()), "unused.ckpt", null!, CancellationToken.None));

        Assert.Contains("line 1", error.Message);
    }
}

/// <summary>
/// A whole run against a database of its own on the PostgreSQL server the tests are given: the planted profiles, a
/// small LSTM, the three files, a registered and activated version; then an identical run, which registers but does
/// not replace the active version (it is not better on the same test rows).
/// </summary>
public sealed class FreelancerTrustTrainerTests : IAsyncLifetime
{
    private readonly string _database = $"trust_trainer_{Guid.NewGuid():N}";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("trust-data-").FullName;
    private readonly string _artifactsDirectory = Directory.CreateTempSubdirectory("trust-artifacts-").FullName;
    private NpgsqlDataSource? _dataSource;
    private IBusControl? _bus;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (string.IsNullOrEmpty(server)) return;
        // What the hosts' storage registration sets: the registry's snake_case columns onto ModelVersion.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{_database}\""))
            await create.ExecuteNonQueryAsync();
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString);
        await new MigrationRunner(_dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.Embedded());
        _bus = Bus.Factory.CreateUsingInMemory(_ => { });
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(_dataDirectory, recursive: true);
        Directory.Delete(_artifactsDirectory, recursive: true);
    }

    [PostgresFact]
    public async Task A_run_writes_the_three_files_registers_a_version_and_activates_the_first()
    {
        TrustProfileFile.Write(Path.Combine(_dataDirectory, "planted.jsonl"), PlantedTrustProfiles.Generate(200, 21, invalid: 2));
        var artifacts = Options.Create(new ModelArtifacts { ArtifactsDirectory = _artifactsDirectory });
        var registry = new ModelRegistry(_dataSource!);
        var trainer = new FreelancerTrustTrainer(Options.Create(new TrainingJobOptions { DataDirectory = _dataDirectory, Seed = 3 }), artifacts,
            new HashingTextEmbedder(), new TrainedVersions(registry, artifacts, _bus!), _log)
        { Units = [8, 8, 4] };
        var parameters = new TrainingParameters { CsvFile = "planted.jsonl", Epochs = 4, MinSamples = 10 };
        var progress = new RecordedProgress();

        var first = await trainer.TrainAsync(new TrainingJob(Guid.NewGuid(), trainer.Kind, parameters, 1, DateTimeOffset.UtcNow), "unused.ckpt", progress, CancellationToken.None);
        var second = await trainer.TrainAsync(new TrainingJob(Guid.NewGuid(), trainer.Kind, parameters, 1, DateTimeOffset.UtcNow), "unused.ckpt", new RecordedProgress(), CancellationToken.None);

        Assert.True(first.Activated, first.Report);
        Assert.False(second.Activated, $"{first.Report} | {second.Report} | {string.Join("; ", _log.Lines)}");
        Assert.Equal(first.Metrics["test.served_accuracy"], second.Metrics["active.served_accuracy"]);
        var versions = await registry.ListAsync(FreelancerTrustKind.KindName, CancellationToken.None);
        Assert.Equal([first.RegisteredVersion!.Value, second.RegisteredVersion!.Value], versions.Select(v => v.Version).Order());
        var active = Assert.Single(versions, v => v.Status == "active");
        Assert.Equal(first.RegisteredVersion, active.Version);
        var directory = Path.GetDirectoryName(artifacts.Value.Resolve(active.ArtifactPath))!;
        foreach (var file in new[] { NetworkModelFiles.Model, NetworkModelFiles.Features, NetworkModelFiles.Metadata })
            Assert.True(File.Exists(Path.Combine(directory, file)), file);
        var spec = TrustFeatureSpec.Parse(active.FeatureExtractor);
        Assert.Equal(16, spec.TextDimensions);
        Assert.Equal(TrustConfigurations.Seed, spec.Configuration);
        // 198 usable of 200: 139 train, 30 validation, 29 test; one progress report per epoch of the shipped network only.
        Assert.Equal((139, 30, 29), progress.Samples);
        Assert.Equal(Enumerable.Range(1, first.EpochsRun), progress.Epochs);
        Assert.Equal(2, first.Metrics["rejected"]);
        Assert.True(File.Exists(TrustEmbeddingCache.PathFor(Path.Combine(_dataDirectory, "planted.jsonl"), FreelancerTrustTrainer.Encoder)));
    }

    private readonly ListLogger _log = new();

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger<FreelancerTrustTrainer>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private sealed class RecordedProgress : ITrainingProgress
    {
        public (int, int, int) Samples { get; private set; }
        public List<int> Epochs { get; } = [];

        public Task StartedAsync(int trainSamples, int validationSamples, int testSamples, int resumedFromEpoch)
        {
            Samples = (trainSamples, validationSamples, testSamples);
            return Task.CompletedTask;
        }

        public Task EpochAsync(int epoch, double loss, double validationLoss, double learningRate, double epochSeconds)
        {
            lock (Epochs) Epochs.Add(epoch);
            return Task.CompletedTask;
        }
    }
}
