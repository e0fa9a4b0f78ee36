using System.Diagnostics;
using System.Globalization;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Simulation;

/// <summary>
/// <c>generate-marketplace --jobs 5000 --cleaners 200 --clients 500 --seed 42 [--as-of 2026-11-22]</c>:
/// simulates the marketplace and publishes its events on the bus, with the worker's own bus settings but
/// no web server and no consumers of its own. AsOf defaults to today 00:00 UTC, so a day's runs agree.
/// </summary>
public static class GenerateMarketplaceCommand
{
    public const string Name = "generate-marketplace";

    public const string Usage =
        "usage: " + Name + " [--jobs 5000] [--cleaners 200] [--clients 500] [--seed 42] [--as-of yyyy-MM-dd]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        if (!TryParse(args, DateTimeOffset.UtcNow, out var spec, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var watch = Stopwatch.StartNew();
            var market = MarketplaceGenerator.Generate(spec);
            Console.WriteLine(
                $"Generated {market.Events.Count} events for {spec.Jobs} jobs, {spec.Cleaners} cleaners, {spec.Clients} clients " +
                $"(seed {spec.Seed}, as of {spec.AsOf:yyyy-MM-dd HH:mm} UTC) in {watch.Elapsed.TotalSeconds:F2} s.");

            var bus = app.Services.GetRequiredService<IBusControl>();
            await bus.StartAsync(cts.Token);
            PublishReport report;
            var bar = new ProgressBar(market.Events.Count);
            try
            {
                report = await MarketplacePublisher.PublishAsync(market.Events, bus, bar, cts.Token);
            }
            finally
            {
                bar.Finish();
                await bus.StopAsync(CancellationToken.None);
            }

            var tiers = string.Join(", ", market.CleanerTiers.Values
                .GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine(
                $"Published {report.Published} events in {report.Elapsed.TotalSeconds:F1} s ({report.EventsPerSecond:F0} events/s). " +
                $"Cleaner tiers: {tiers}. Open jobs: {market.OpenJobIds.Count}.");
            return 0;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Reads the options after the command name; <paramref name="now"/> supplies the default AsOf (its UTC date).</summary>
    public static bool TryParse(string[] args, DateTimeOffset now, out MarketplaceSpec spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        int jobs = 5000, cleaners = 200, clients = 500, seed = 42;
        var asOf = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        spec = new MarketplaceSpec(jobs, cleaners, clients, seed, asOf);
        error = null;

        var start = args.Length > 0 && args[0] == Name ? 1 : 0;
        for (var i = start; i < args.Length; i++)
        {
            var option = args[i];
            string? value = null;
            var eq = option.IndexOf('=');
            if (option.StartsWith("--", StringComparison.Ordinal) && eq > 0)
                (option, value) = (option[..eq], option[(eq + 1)..]);
            else if (i + 1 < args.Length)
                value = args[++i];

            if (value is null)
            {
                error = $"{option} needs a value.";
                return false;
            }
            var ok = option switch
            {
                "--jobs" => TryCount(value, 0, out jobs),
                "--cleaners" => TryCount(value, 1, out cleaners),
                "--clients" => TryCount(value, 1, out clients),
                "--seed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--as-of" => TryDate(value, out asOf),
                _ => (bool?)null,
            };
            if (ok is null)
            {
                error = $"Unknown option {option}.";
                return false;
            }
            if (ok == false)
            {
                error = $"Bad value for {option}: {value}.";
                return false;
            }
        }
        spec = new MarketplaceSpec(jobs, cleaners, clients, seed, asOf);
        return true;
    }

    private static bool TryCount(string value, int min, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= min;

    /// <summary>A date (midnight UTC) or a full timestamp; without an offset, UTC.</summary>
    private static bool TryDate(string value, out DateTimeOffset asOf)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out asOf))
            return true;
        asOf = default;
        return false;
    }

    /// <summary>
    /// One console line redrawn with '\r' (<c>[########----] 41% 27000/65000 events, 1800/s</c>), at most ten
    /// times a second; when output is redirected, a plain line per tenth instead.
    /// </summary>
    private sealed class ProgressBar(int total) : IProgress<int>
    {
        private const int Width = 30;
        private readonly Lock _lock = new();
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly bool _redirected = Console.IsOutputRedirected;
        private int _shown = -1;
        private long _lastDrawMs = -1000;
        private int _lastTenth = -1;

        public void Report(int value)
        {
            lock (_lock)
            {
                if (value <= _shown)
                    return;
                var now = _watch.ElapsedMilliseconds;
                if (_redirected)
                {
                    var tenth = total == 0 ? 10 : (int)(10L * value / total);
                    if (tenth == _lastTenth)
                        return;
                    _lastTenth = tenth;
                    _shown = value;
                    Console.WriteLine(Line(value));
                    return;
                }
                if (value != total && now - _lastDrawMs < 100)
                    return;
                _lastDrawMs = now;
                _shown = value;
                Console.Write("\r" + Line(value));
            }
        }

        public void Finish()
        {
            lock (_lock)
            {
                if (!_redirected && _shown >= 0)
                    Console.WriteLine();
            }
        }

        private string Line(int value)
        {
            var fraction = total == 0 ? 1 : (double)value / total;
            var filled = (int)(fraction * Width);
            var seconds = _watch.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? value / seconds : 0;
            return $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:F0}% {value}/{total} events, {rate:F0}/s";
        }
    }
}
