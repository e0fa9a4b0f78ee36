using Dapper;
using iAyos.Messaging.Cli;
using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Platform.Categories;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

[Collection(StackCollection.Name)]
public class When_the_demo_is_seeded(Stack stack)
{
    private const int Jobs = 200, Workers = 20, Seed = 5;

    [Fact]
    public async Task Seed_demo_returns_once_the_read_model_holds_the_world_and_a_rerun_changes_nothing()
    {
        await using var db = TestInfrastructure.Database();
        var readModel = new ServiceJobReadModel(db);
        var world = ServiceJobWorldGenerator.Generate(await new CategoryDefaultsReader(db).ReadAsync(CancellationToken.None), Jobs, Workers, Seed);
        var events = world.ToEvents();
        string[] args = ["seed-demo", "--jobs", $"{Jobs}", "--workers", $"{Workers}", "--seed", $"{Seed}", "--timeout", "120"];
        try
        {
            var (exit, output) = await RunAsync(args);

            Assert.Equal(ExitCodes.Ok, exit);
            // It returned only when every fact was in PostgreSQL, so no poll is needed here.
            Assert.Equal(ServiceJobFacts.Of(events), await readModel.CountAsync(events, CancellationToken.None));
            Assert.Contains($"{Workers} workers and {Jobs} jobs as {events.Count} events", output);
            var first = await SnapshotAsync(db);

            // The rerun publishes the same events again; wait until the ScoringWorker has consumed them all.
            var consumed = new ConsumedEvents(events.Select(e => e.EventId).ToHashSet());
            using (stack.Scoring.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed))
            {
                (exit, _) = await RunAsync(args);
                Assert.Equal(ExitCodes.Ok, exit);
                Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(consumed.Count >= events.Count), TimeSpan.FromMinutes(2)),
                    $"the rerun's events should all be consumed ({consumed.Count} of {events.Count})");
            }
            Assert.Equal(first, await SnapshotAsync(db));
        }
        finally
        {
            await using var connection = await db.OpenConnectionAsync();
            await connection.ExecuteAsync("""
                DELETE FROM iayos.job_progress WHERE job_id BETWEEN 1 AND @Jobs;
                DELETE FROM iayos.job_postings WHERE id BETWEEN 1 AND @Jobs;
                DELETE FROM iayos.worker_profiles WHERE worker_id BETWEEN 1 AND @Workers;
                """, new { Jobs, Workers });
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await IayosCommand.InvokeAsync(args, output, error);
        Assert.True(exit == ExitCodes.Ok, $"seed-demo exited {exit}: {error}");
        return (exit, output.ToString());
    }

    private static async Task<IReadOnlyList<string>> SnapshotAsync(Npgsql.NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("""
            SELECT row_to_json(t)::text FROM iayos.jobs t WHERE id BETWEEN 1 AND @Jobs
            UNION ALL
            SELECT row_to_json(w)::text FROM iayos.worker_profiles w WHERE worker_id BETWEEN 1 AND @Workers
            ORDER BY 1
            """, new { Jobs, Workers })).ToList();
    }
}
