using iAyos.Messaging.Gateway;
using iAyos.Messaging.InferenceWorker.Consumers;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Security;
using iAyos.Messaging.ScoringWorker;
using iAyos.Messaging.TrainingWorker.Consumers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>The Gateway's own Program on real Kestrel (so body-size limits are the real ones), checking tokens with <see cref="Auth"/>.</summary>
public sealed class GatewayHost : WebApplicationFactory<GatewayOptions>
{
    public const int InferenceTimeoutMs = 1500;

    public static readonly AuthOptions Auth = new() { SigningKey = "the-integration-tests-signing-key-of-32-bytes-plus" };

    /// <summary>A token with the admin role, as <c>iayos token --role admin</c> mints one.</summary>
    public static string AdminToken() => AccessTokens.Mint(Auth, "integration-tests", [AccessTokens.AdminRole], TimeSpan.FromHours(1));

    private readonly string? _postgresConnectionString;

    /// <param name="postgresConnectionString">Another way to PostgreSQL than the environment's (a proxy a test can cut).</param>
    public GatewayHost(string? postgresConnectionString = null)
    {
        _postgresConnectionString = postgresConnectionString;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UsePostgres(_postgresConnectionString);
        builder.UseSetting("Gateway:InferenceTimeoutMs", InferenceTimeoutMs.ToString());
        // Tests send requests one at a time: the first answer after a worker returns closes the breaker.
        builder.UseSetting("Gateway:CircuitBreaker:ProbesToClose", "1");
        builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
        builder.UseSetting("Categories:RefreshSeconds", "2");
        builder.UseSetting("Models:ArtifactsDirectory", TestInfrastructure.ArtifactsDirectory);
    }
}

/// <summary>The InferenceWorker's own Program, consuming from the real broker.</summary>
public sealed class InferenceWorkerHost : WebApplicationFactory<ModelPredictor>
{
    public InferenceWorkerHost(string batchingMode = "Micro")
    {
        BatchingMode = batchingMode;
        UseKestrel(0);
    }

    public string BatchingMode { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Models:ArtifactsDirectory", TestInfrastructure.ArtifactsDirectory);
        builder.UseSetting("Inference:Batching:Mode", BatchingMode);
    }
}

/// <summary>The TrainingWorker's own Program, consuming from the real broker: ../shared/data as its data
/// directory, this run's artifacts, and a short heartbeat so taking over a stalled run is quick to test.</summary>
public sealed class TrainingWorkerHost : WebApplicationFactory<TrainModelConsumer>
{
    public static readonly string CheckpointDirectory = Directory.CreateTempSubdirectory("iayos-checkpoints-").FullName;

    private readonly string? _postgresConnectionString;
    private readonly int? _rabbitMqPort;

    /// <param name="postgresConnectionString">Another way to PostgreSQL than the environment's (a proxy a test can cut).</param>
    /// <param name="rabbitMqPort">A port on 127.0.0.1 that leads to RabbitMQ (a proxy a test can cut).</param>
    public TrainingWorkerHost(string? postgresConnectionString = null, int? rabbitMqPort = null)
    {
        _postgresConnectionString = postgresConnectionString;
        _rabbitMqPort = rabbitMqPort;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UsePostgres(_postgresConnectionString);
        if (_rabbitMqPort is { } port)
        {
            builder.UseSetting("RabbitMq:Host", "127.0.0.1");
            builder.UseSetting("RabbitMq:Port", port.ToString());
        }
        builder.UseSetting("Models:ArtifactsDirectory", TestInfrastructure.ArtifactsDirectory);
        builder.UseSetting("Training:DataDirectory", TestInfrastructure.DataDirectory);
        builder.UseSetting("Training:CheckpointDirectory", CheckpointDirectory);
        builder.UseSetting("Training:HeartbeatSeconds", "1");
        builder.UseSetting("Training:StaleAfterSeconds", "5");
        builder.UseSetting("Training:PollSeconds", "1");
    }
}

/// <summary>The ScoringWorker's own Program; no scheduled recompute during a test run.</summary>
public sealed class ScoringWorkerHost : WebApplicationFactory<ScoringOptions>
{
    private readonly string? _postgresConnectionString;

    /// <param name="postgresConnectionString">Another way to PostgreSQL than the environment's (a proxy a test can cut).</param>
    public ScoringWorkerHost(string? postgresConnectionString = null)
    {
        _postgresConnectionString = postgresConnectionString;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UsePostgres(_postgresConnectionString);
        builder.UseSetting("Scoring:RecomputeIntervalMinutes", "0");
        builder.UseSetting("Models:ArtifactsDirectory", TestInfrastructure.ArtifactsDirectory);
        // Every rescore, incremental or full, measures activity from the same moment, so replays compare equal.
        builder.UseSetting("Scoring:AsOf", MarketplaceReplay.AsOf.ToString("O"));
    }
}

internal static class HostSettings
{
    /// <summary>Points the host at another PostgreSQL address than the environment's, when one is given.</summary>
    public static void UsePostgres(this IWebHostBuilder builder, string? connectionString)
    {
        if (connectionString is not null)
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
    }
}
