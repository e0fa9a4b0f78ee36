using Dapper;
using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.ServiceJobs;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

/// <summary>
/// A small generated iAyos world moved to ids far from every other test's (job and worker ids shifted by
/// <see cref="Offset"/>), published through RabbitMQ to the ScoringWorker, and its rows read back and removed.
/// </summary>
public sealed class ServiceJobReplay : IAsyncDisposable
{
    private readonly NpgsqlDataSource _db = TestInfrastructure.Database();

    /// <summary>A world of <paramref name="jobs"/> jobs and <paramref name="workers"/> workers for the migration's categories, as seed-demo reads them.</summary>
    public static async Task<ServiceJobReplay> CreateAsync(int jobs, int workers, int seed)
    {
        await using var db = TestInfrastructure.Database();
        var categories = await new CategoryDefaultsReader(db).ReadAsync(CancellationToken.None);
        return new ServiceJobReplay(ServiceJobWorldGenerator.Generate(categories, jobs, workers, seed));
    }

    private ServiceJobReplay(ServiceJobWorld world)
    {
        // Blocks of 100,000 ids from 5e9: apart from the Gateway tests' (7e9-8e9) and When_jobs_complete's (9e9 up).
        Offset = 5_000_000_000L + Random.Shared.NextInt64(0, 10_000) * 100_000L;
        World = world with
        {
            Workers = world.Workers.Select(w => w with { Id = w.Id + Offset }).ToList(),
            Jobs = world.Jobs.Select(j => j with { Job = j.Job with { Id = j.Job.Id + Offset, WorkerId = j.Job.WorkerId + Offset } }).ToList(),
        };
        Events = World.ToEvents();
    }

    public long Offset { get; }

    /// <summary>The world, ids shifted.</summary>
    public ServiceJobWorld World { get; }

    public IReadOnlyList<IServiceJobEvent> Events { get; }

    public long[] JobIds => World.Jobs.Select(j => j.Job.Id).ToArray();

    public long[] WorkerIds => World.Workers.Select(w => w.Id).ToArray();

    /// <summary>
    /// Publishes <paramref name="events"/>, waits until the ScoringWorker has consumed every one of them, and checks
    /// that the read model then holds every fact of <see cref="Events"/>.
    /// </summary>
    public async Task PublishAndWaitAsync(Stack stack, IReadOnlyList<IServiceJobEvent> events, int maxInFlight = MarketplacePublisher.DefaultMaxInFlight)
    {
        var consumed = new ConsumedEvents(Events.Select(e => e.EventId).ToHashSet());
        using var handle = stack.Scoring.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var bus = stack.Gateway.Services.GetRequiredService<IBus>();
        await MarketplacePublisher.PublishAsync(events, bus, progress: null, CancellationToken.None, maxInFlight);
        var done = await TestInfrastructure.EventuallyAsync(() => Task.FromResult(consumed.Count >= events.Count), TimeSpan.FromMinutes(3));
        Assert.True(done, $"the ScoringWorker should consume every event: {consumed.Count} of {events.Count}");
        await new ServiceJobReadModel(_db).WaitForAsync(Events, TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    /// <summary>Every row of this world in the read model, as text in key order.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        await using var connection = await _db.OpenConnectionAsync();
        var rows = new List<string>();
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT row_to_json(t)::text FROM iayos.job_postings t WHERE id = ANY(@JobIds) ORDER BY id", new { JobIds }));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT row_to_json(t)::text FROM iayos.job_progress t WHERE job_id = ANY(@JobIds) ORDER BY job_id", new { JobIds }));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT row_to_json(t)::text FROM iayos.worker_profiles t WHERE worker_id = ANY(@WorkerIds) ORDER BY worker_id, valid_from", new { WorkerIds }));
        return rows;
    }

    public async Task DeleteAsync()
    {
        await using var connection = await _db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            DELETE FROM iayos.job_progress WHERE job_id = ANY(@JobIds);
            DELETE FROM iayos.job_postings WHERE id = ANY(@JobIds);
            DELETE FROM iayos.worker_profiles WHERE worker_id = ANY(@WorkerIds);
            """, new { JobIds, WorkerIds });
    }

    public async ValueTask DisposeAsync()
    {
        await DeleteAsync();
        await _db.DisposeAsync();
    }
}
