using System.Globalization;
using Dapper;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Training.JobBoard;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;

/// <summary>Publishes job-board events through RabbitMQ and waits until the ScoringWorker has consumed every delivery.</summary>
public static class JobBoardReplay
{
    public static async Task ResetAsync(NpgsqlConnection connection) =>
        await connection.ExecuteAsync("TRUNCATE jobboard.jobs, jobboard.users, jobboard.interactions");

    /// <summary>Publishes each event of the list (repeats included) and returns once the ScoringWorker has consumed as many deliveries.</summary>
    public static async Task PublishAndWaitAsync(Stack stack, IReadOnlyList<IJobBoardEvent> events, TimeSpan? within = null)
    {
        var consumed = new ConsumedJobBoardEvents(events.Select(e => e.EventId).ToHashSet());
        using (stack.Scoring.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed))
        {
            await MarketplacePublisher.PublishAsync(events, stack.Gateway.Services.GetRequiredService<IBus>(), progress: null, CancellationToken.None);
            var done = await TestInfrastructure.EventuallyAsync(() => Task.FromResult(consumed.Count >= events.Count), within ?? TimeSpan.FromMinutes(3));
            Assert.True(done, $"the ScoringWorker should consume every delivery ({consumed.Count} of {events.Count})");
        }
    }

    /// <summary>Every row of the three tables as text, in key order: equal lists mean equal read models, bookkeeping columns included.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(NpgsqlConnection connection) =>
        (await connection.QueryAsync<string>("""
            SELECT * FROM (
                SELECT 'job ' || row_to_json(t)::text AS row FROM jobboard.jobs t
                UNION ALL SELECT 'user ' || row_to_json(u)::text FROM jobboard.users u
                UNION ALL SELECT 'interaction ' || row_to_json(i)::text FROM jobboard.interactions i) rows
            ORDER BY row
            """)).ToList();

    /// <summary>A snapshot as comparable lines: amounts to the cent and times in UTC, whichever scale and offset they came with.</summary>
    public static IReadOnlyList<string> Lines(JobBoardSnapshot snapshot) =>
    [
        .. snapshot.Jobs.Select(j => string.Join('|', "job", j.Facts.JobId, j.Facts.Title, j.Facts.Description, j.Facts.Company, j.Facts.Location,
            string.Join(';', j.Facts.RequiredSkills), Amount(j.Facts.SalaryMin), Amount(j.Facts.SalaryMax), j.Facts.JobType, j.Facts.ExperienceLevel,
            Time(j.ListedAt), Time(j.ClosedAt))),
        .. snapshot.Users.Select(u => string.Join('|', "user", u.UserId, string.Join(';', u.Skills), u.Location, u.ExperienceLevel, Amount(u.DesiredSalary))),
        .. snapshot.Interactions.Select(i => string.Join('|', "interaction", i.UserId, i.JobId, i.Interaction, Time(i.OccurredAt))),
    ];

    private static string Amount(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Counts the deliveries of the given events the ScoringWorker's job-board endpoint has finished consuming.</summary>
    public sealed class ConsumedJobBoardEvents(IReadOnlySet<Guid> eventIds) : IConsumeObserver
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            // Only the read model's endpoint: another consumer of the same events must not count.
            if (context.Message is IJobBoardEvent e && eventIds.Contains(e.EventId)
                && context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("/" + QueueNames.JobBoardEvents, StringComparison.Ordinal))
                Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
