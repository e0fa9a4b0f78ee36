using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using iAyos.Messaging.Anchor;
using iAyos.Messaging.Bench;
using iAyos.Messaging.Contracts.Predictions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Bare MassTransit request/response, closed loop: --concurrency clients each send the next PredictPrice as soon as
// the last is answered, for --duration seconds after --warmup. With --rate N, open loop instead: request i is due at
// i / N seconds and its latency counts from then, whatever earlier requests are doing (the path's --rate runs, side
// by side). --transient sends the requests non-persistent, as the Gateway does (MassTransit's default is persistent).
// The broker comes from the services' own settings (RabbitMq__Host, __Port, __VirtualHost, __Username,
// __Password).
string Arg(string name, string fallback)
{
    var i = Array.LastIndexOf(args, name); // the last of a repeated option wins
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var concurrency = int.Parse(Arg("--concurrency", "64"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(Arg("--duration", "20"), CultureInfo.InvariantCulture));
var warmup = TimeSpan.FromSeconds(double.Parse(Arg("--warmup", "5"), CultureInfo.InvariantCulture));
var json = Arg("--json", "");
var rate = int.Parse(Arg("--rate", "0"), CultureInfo.InvariantCulture);
var transient = args.Contains("--transient");
const string Queue = "bench-anchor";

var builder = Host.CreateApplicationBuilder([]);
var rabbit = builder.Configuration.GetSection("RabbitMq");
builder.Services.AddMassTransit(x =>
{
    x.DisableUsageTelemetry();
    x.AddConsumer<TrivialPriceConsumer>().Endpoint(e => e.Name = Queue);
    x.AddRequestClient<PredictPrice>(new Uri($"queue:{Queue}"));
    x.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(rabbit["Host"] ?? "127.0.0.1", ushort.Parse(rabbit["Port"] ?? "5672", CultureInfo.InvariantCulture), rabbit["VirtualHost"] ?? "/", h =>
        {
            h.Username(rabbit["Username"] ?? "guest");
            h.Password(rabbit["Password"] ?? "guest");
        });
        cfg.ConfigureEndpoints(context);
    });
});
builder.Logging.SetMinimumLevel(LogLevel.Warning);
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IRequestClient<PredictPrice>>();
var request = new PredictPrice
{
    Title = "Fix leaking kitchen faucet", Description = "Kitchen faucet drips constantly", Category = "Plumbing",
    Urgency = "HIGH", SkillLevel = "INTERMEDIATE", Tags = ["plumbing", "repair"],
};
RequestPipeConfiguratorCallback<PredictPrice> pipe = transient ? x => x.UseExecute(c => c.Durable = false) : _ => { };
var shape = rate > 0 ? $"open loop at {rate}/s" : $"closed loop, {concurrency} concurrent";
Console.WriteLine($"bare MassTransit request/response on queue {Queue}: {shape}{(transient ? ", transient requests" : "")}, {duration.TotalSeconds} s after {warmup.TotalSeconds} s warm-up");
await RunAsync(warmup, null);
var latencies = new List<double>();
var elapsed = await RunAsync(duration, latencies);
await host.StopAsync();

latencies.Sort();
double At(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Count) - 1, 0, latencies.Count - 1)];
var achieved = latencies.Count / elapsed.TotalSeconds;
Console.WriteLine($"requests: {latencies.Count} in {elapsed.TotalSeconds:F1} s ({achieved:F1}/s)");
Console.WriteLine($"latency ms: p50 {At(50):F2}  p99 {At(99):F2}  max {At(100):F2}");
if (json.Length > 0)
    await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new
    {
        requests = latencies.Count, elapsed_seconds = elapsed.TotalSeconds, rate = achieved, concurrency, open_loop_rate = rate,
        latency_ms = new { p50 = At(50), p90 = At(90), p99 = At(99), max = At(100) },
    }));
return 0;

Task<TimeSpan> RunAsync(TimeSpan length, List<double>? into) => rate > 0 ? OpenLoopAsync(length, into) : ClosedLoopAsync(length, into);

async Task<TimeSpan> ClosedLoopAsync(TimeSpan length, List<double>? into)
{
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>();
        while (clock.Elapsed < length)
        {
            var sent = clock.Elapsed;
            await client.GetResponse<PricePrediction>(request, pipe);
            mine.Add((clock.Elapsed - sent).TotalMilliseconds);
        }
        if (into is not null)
            lock (into)
                into.AddRange(mine);
    })));
    return clock.Elapsed;
}

Task<TimeSpan> OpenLoopAsync(TimeSpan length, List<double>? into) => OpenLoopPacer.RunAsync(rate, length, async (_, due, clock) =>
{
    await client.GetResponse<PricePrediction>(request, pipe);
    var latency = (clock.Elapsed - due).TotalMilliseconds;
    if (into is not null)
        lock (into)
            into.Add(latency);
});
