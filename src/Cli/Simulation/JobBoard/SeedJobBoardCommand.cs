using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Storage;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>
/// <c>iayos seed-job-board [--users 1000] [--jobs 3000] [--seed 42] [--as-of 2026-11-01] [--timeout 600] [--no-wait]</c>:
/// generates the synthetic job board (<see cref="JobBoardGenerator"/>), publishes its events on the bus (RabbitMq settings
/// as the workers read them) with a progress bar, waits until the ScoringWorker has folded every one of them into
/// jobboard.* (unless --no-wait), and prints what was published: users, jobs, interactions, the application rate. The
/// same options publish the same events, ids included, so a rerun changes nothing.
/// </summary>
public static class SeedJobBoardCommand
{
    public const string Name = "seed-job-board";

    /// <param name="addBus">How the bus is registered; the platform's RabbitMQ bus unless a test brings its own.</param>
    public static Command Create(Action<IServiceCollection, IConfiguration>? addBus = null)
    {
        var defaults = new JobBoardGeneratorOptions();
        var users = CliOptions.Number("--users", defaults.Users, 1, 1_000_000, "--users must be between 1 and 1000000.", "How many users.");
        var jobs = CliOptions.Number("--jobs", defaults.Jobs, 1, 1_000_000, "--jobs must be between 1 and 1000000.", "How many job listings.");
        var seed = CliOptions.Number("--seed", defaults.Seed, int.MinValue, int.MaxValue, "--seed must be a whole number.", "Seed; the same options give the same events.");
        var timeout = CliOptions.Number("--timeout", 600, 1, 86_400, "--timeout must be between 1 and 86400 seconds.",
            "Seconds to wait for the ScoringWorker to fold the events into PostgreSQL.");
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the broker has confirmed every event, without waiting for the read model." };
        var asOf = new Option<DateTimeOffset?>("--as-of")
        {
            Description = $"When the simulated board stops (a date is midnight UTC); default {JobBoardGeneratorOptions.DefaultAsOf:yyyy-MM-dd}, fixed so reruns agree.",
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                if (DateTimeOffset.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
                    return value;
                result.AddError($"--as-of {result.Tokens[0].Value} is not a date.");
                return null;
            },
        };
        var command = new Command(Name, "Generates a synthetic job board, publishes its events on the bus and waits until PostgreSQL holds them (idempotent).")
        {
            users, jobs, seed, asOf, timeout, noWait,
        };
        command.SetAction((parse, ct) => RunAsync(
            defaults with
            {
                Users = parse.GetValue(users), Jobs = parse.GetValue(jobs), Seed = parse.GetValue(seed),
                AsOf = parse.GetValue(asOf) ?? JobBoardGeneratorOptions.DefaultAsOf,
            },
            parse.GetValue(noWait) ? null : TimeSpan.FromSeconds(parse.GetValue(timeout)),
            addBus ?? ((services, configuration) => services.AddMessageBus(configuration, _ => { })),
            parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(JobBoardGeneratorOptions options, TimeSpan? wait, Action<IServiceCollection, IConfiguration> addBus,
        ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var watch = Stopwatch.StartNew();
            var board = JobBoardGenerator.Generate(options);
            var generated = watch.Elapsed;
            var summary = JobBoardSummary.Of(board);
            await output.WriteLineAsync($"Generated {board.Events.Count} events (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd HH:mm} UTC) in {generated.TotalSeconds:F2} s.");

            var builder = CliHost.CreateBuilder();
            addBus(builder.Services, builder.Configuration);
            if (wait is not null)
                builder.Services.AddPostgres(builder.Configuration);
            await using var app = builder.Build();
            if (wait is not null)
                await app.MigrateDatabaseAsync();
            var bus = app.Services.GetRequiredService<IBusControl>();
            await bus.StartAsync(ct);
            PublishReport report;
            try
            {
                report = await PublishWithProgressAsync(board.Events, bus, parse.Output(), output, ct);
            }
            finally
            {
                await bus.StopAsync(CancellationToken.None);
            }
            await output.WriteLineAsync(
                $"Published {report.Published} events, each confirmed by the broker, in {report.Elapsed.TotalSeconds:F1} s " +
                $"({report.EventsPerSecond:F0} events/s; {report.Retries} publishes retried).");

            if (wait is { } timeout)
            {
                try
                {
                    var held = await new JobBoardReadModel(app.Services.GetRequiredService<NpgsqlDataSource>()).WaitForAsync(board, timeout, ct);
                    await output.WriteLineAsync($"The read model holds {held} after {watch.Elapsed.TotalSeconds:F1} s.");
                }
                catch (TimeoutException e)
                {
                    await error.WriteLineAsync($"{Name}: {e.Message}");
                    return ExitCodes.Failed;
                }
            }
            await output.WriteLineAsync(summary.ToString());
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>A Spectre progress bar on a terminal; in a log, a line per tenth.</summary>
    private static async Task<PublishReport> PublishWithProgressAsync(
        IReadOnlyList<IJobBoardEvent> events, IBus bus, IAnsiConsole console, TextWriter output, CancellationToken ct)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await MarketplacePublisher.PublishAsync(events, bus, new TenthsProgress(events.Count, output), ct);
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Publishing the job board", maxValue: events.Count);
                return await MarketplacePublisher.PublishAsync(events, bus, new ForwardOnly(value => task.Value = value), ct);
            });
    }

    /// <summary>Shows a count only when it is past every count shown before (reports come from several threads, out of order).</summary>
    private sealed class ForwardOnly(Action<int> show) : IProgress<int>
    {
        private readonly Lock _lock = new();
        private int _shown = -1;

        public void Report(int value)
        {
            lock (_lock)
            {
                if (value <= _shown) return;
                _shown = value;
                show(value);
            }
        }
    }

    /// <summary><c>published 40% (27000/65000 events)</c>, once per tenth, for logs.</summary>
    private sealed class TenthsProgress(int total, TextWriter output) : IProgress<int>
    {
        private readonly Lock _lock = new();
        private int _lastTenth = -1;

        public void Report(int value)
        {
            lock (_lock)
            {
                var tenth = total == 0 ? 10 : (int)(10L * value / total);
                if (tenth <= _lastTenth) return;
                _lastTenth = tenth;
                output.WriteLine($"published {tenth * 10}% ({value}/{total} events)");
            }
        }
    }
}

/// <summary>What a generated board amounts to: users (with a profile, active, cold start), jobs (open at the end), interactions by kind, the application rate.</summary>
public sealed record JobBoardSummary(int Users, int Profiles, int ActiveUsers, int ColdStartUsers, int Jobs, int OpenJobs,
    int Interactions, int Shown, int Applications, int Saves, int Dismissals)
{
    /// <summary>Applications per shown job (per view).</summary>
    public double ApplicationRate => Shown == 0 ? 0 : (double)Applications / Shown;

    public static JobBoardSummary Of(GeneratedJobBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var snapshot = board.Snapshot;
        var active = snapshot.Interactions.Select(i => i.UserId).ToHashSet();
        int Count(string kind) => snapshot.Interactions.Count(i => i.Interaction == kind);
        return new JobBoardSummary(
            board.Truth.Users.Count, snapshot.Users.Count, active.Count, snapshot.Users.Count(u => !active.Contains(u.UserId)),
            snapshot.Jobs.Count, snapshot.Jobs.Count(j => j.ClosedAt is null),
            snapshot.Interactions.Count, Count(InteractionKinds.Viewed), Count(InteractionKinds.Applied), Count(InteractionKinds.Saved), Count(InteractionKinds.Dismissed));
    }

    public override string ToString() =>
        $"Job board: {Users} users ({Profiles} with a profile, {ColdStartUsers} of them cold start, {ActiveUsers} active), " +
        $"{Jobs} jobs ({OpenJobs} open), {Interactions} interactions ({Shown} shown, {Applications} applied, {Saves} saved, " +
        $"{Dismissals} dismissed); application rate {ApplicationRate:P1} of shown jobs.";
}
