using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// <c>iayos generate-marketplace --jobs 5000 --cleaners 200 --clients 500 --seed 42 [--as-of 2026-11-22]</c>:
/// simulates the marketplace and publishes its events on the bus (RabbitMq settings as the workers read them),
/// with no consumers of its own. AsOf defaults to today 00:00 UTC, so a day's runs agree.
/// </summary>
public static class GenerateMarketplaceCommand
{
    public const string Name = "generate-marketplace";

    /// <param name="addBus">How the bus is registered; the platform's RabbitMQ bus unless a test brings its own.</param>
    public static Command Create(Action<IServiceCollection, IConfiguration>? addBus = null) =>
        Create(addBus, out _);

    /// <summary>Reads the options (with or without the command name first); <paramref name="now"/> supplies the default AsOf (its UTC date).</summary>
    public static bool TryParse(string[] args, DateTimeOffset now, out MarketplaceSpec spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = Create(null, out var options);
        var parse = new RootCommand { command }.Parse(args is [Name, ..] ? args : [Name, .. args]);
        if (parse.Errors.Count > 0)
        {
            spec = new MarketplaceSpec(0, 0, 0, 0, now);
            error = string.Join(" ", parse.Errors.Select(e => e.Message));
            return false;
        }
        spec = options.Read(parse, now);
        error = null;
        return true;
    }

    private static Command Create(Action<IServiceCollection, IConfiguration>? addBus, out SpecOptions options)
    {
        var spec = options = new SpecOptions();
        var command = new Command(Name, "Simulates a cleaning marketplace and publishes its events on the bus.")
        {
            spec.Jobs, spec.Cleaners, spec.Clients, spec.Seed, spec.AsOf,
        };
        command.SetAction((parse, ct) => RunAsync(spec.Read(parse, DateTimeOffset.UtcNow),
            addBus ?? ((services, configuration) => services.AddMessageBus(configuration, _ => { })), parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(MarketplaceSpec spec, Action<IServiceCollection, IConfiguration> addBus, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        try
        {
            var watch = Stopwatch.StartNew();
            var market = MarketplaceGenerator.Generate(spec);
            await output.WriteLineAsync(
                $"Generated {market.Events.Count} events for {spec.Jobs} jobs, {spec.Cleaners} cleaners, {spec.Clients} clients " +
                $"(seed {spec.Seed}, as of {spec.AsOf:yyyy-MM-dd HH:mm} UTC) in {watch.Elapsed.TotalSeconds:F2} s.");

            var builder = CliHost.CreateBuilder();
            addBus(builder.Services, builder.Configuration);
            await using var app = builder.Build();
            var bus = app.Services.GetRequiredService<IBusControl>();
            await bus.StartAsync(ct);
            PublishReport report;
            try
            {
                report = await PublishWithProgressAsync(market.Events, bus, parse.Output(), output, ct);
            }
            finally
            {
                await bus.StopAsync(CancellationToken.None);
            }

            var tiers = string.Join(", ", market.CleanerTiers.Values
                .GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            await output.WriteLineAsync(
                $"Published {report.Published} events, each confirmed by the broker, in {report.Elapsed.TotalSeconds:F1} s ({report.EventsPerSecond:F0} events/s; {report.Retries} publishes retried). " +
                $"Cleaner tiers: {tiers}. Open jobs: {market.OpenJobIds.Count}.");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>A Spectre progress bar on a terminal; in a log, a plain line per tenth.</summary>
    private static async Task<PublishReport> PublishWithProgressAsync(
        IReadOnlyList<IMarketplaceEvent> events, IBus bus, IAnsiConsole console, TextWriter output, CancellationToken ct)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await MarketplacePublisher.PublishAsync(events, bus, new TenthsProgress(events.Count, output), ct);
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Publishing events", maxValue: events.Count);
                var progress = new MonotonicProgress(value => task.Value = value);
                return await MarketplacePublisher.PublishAsync(events, bus, progress, ct);
            });
    }

    /// <summary>The publisher reports from several threads, not strictly increasing; show only what moves forward.</summary>
    private sealed class MonotonicProgress(Action<int> show) : IProgress<int>
    {
        private readonly Lock _lock = new();
        private int _shown = -1;

        public void Report(int value)
        {
            lock (_lock)
            {
                if (value <= _shown)
                    return;
                _shown = value;
                show(value);
            }
        }
    }

    /// <summary><c>[########----] 41% 27000/65000 events, 1800/s</c>, once per tenth, for logs.</summary>
    private sealed class TenthsProgress(int total, TextWriter output) : IProgress<int>
    {
        private const int Width = 30;
        private readonly Lock _lock = new();
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private int _lastTenth = -1;

        public void Report(int value)
        {
            lock (_lock)
            {
                var tenth = total == 0 ? 10 : (int)(10L * value / total);
                if (tenth <= _lastTenth)
                    return;
                _lastTenth = tenth;
                var fraction = total == 0 ? 1 : (double)value / total;
                var filled = (int)(fraction * Width);
                var seconds = _watch.Elapsed.TotalSeconds;
                output.WriteLine($"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:F0}% {value}/{total} events, {(seconds > 0 ? value / seconds : 0):F0}/s");
            }
        }
    }

    /// <summary>The options, with the seed's defaults and the ranges the generator accepts.</summary>
    private sealed class SpecOptions
    {
        public Option<int> Jobs { get; } = CliOptions.Number("--jobs", 5000, 0, int.MaxValue, "--jobs must be a count (0 or more).", "How many jobs to simulate.");
        public Option<int> Cleaners { get; } = CliOptions.Number("--cleaners", 200, 1, int.MaxValue, "--cleaners must be at least 1.", "How many cleaners.");
        public Option<int> Clients { get; } = CliOptions.Number("--clients", 500, 1, int.MaxValue, "--clients must be at least 1.", "How many clients.");
        public Option<int> Seed { get; } = CliOptions.Number("--seed", 42, int.MinValue, int.MaxValue, "--seed must be a whole number.", "Seed; the same spec gives the same events.");
        public Option<DateTimeOffset?> AsOf { get; } = new("--as-of")
        {
            Description = "When the data ends (a date is midnight UTC); default today 00:00 UTC.",
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                // Without an offset, UTC.
                if (DateTimeOffset.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var asOf))
                    return asOf;
                result.AddError($"--as-of {result.Tokens[0].Value} is not a date.");
                return null;
            },
        };

        public MarketplaceSpec Read(ParseResult parse, DateTimeOffset now) => new(
            parse.GetValue(Jobs), parse.GetValue(Cleaners), parse.GetValue(Clients), parse.GetValue(Seed),
            parse.GetValue(AsOf) ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
    }
}
