using System.Diagnostics;
using System.Text;
using System.Text.Json;
using iAyos.Messaging.Load;

// Open loop: request i is due at start + i / rate whatever earlier requests are doing, and its latency is
// counted from when it was due, so a stalled server shows up in the percentiles (no coordinated omission).
var options = LoadOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    Timeout = TimeSpan.FromSeconds(30),
};

Console.WriteLine($"POST {options.Url} at {options.Rate}/s for {options.Duration.TotalSeconds} s (after {options.Warmup.TotalSeconds} s warm-up)");
await RunAsync(options.Warmup, into: null);
var report = new LatencyReport();
var elapsed = await RunAsync(options.Duration, report);
Console.WriteLine(report.Summarize(elapsed));
return 0;

async Task<TimeSpan> RunAsync(TimeSpan duration, LatencyReport? into)
{
    var total = (int)(options.Rate * duration.TotalSeconds);
    var clock = Stopwatch.StartNew();
    var inFlight = new List<Task>(total);
    for (var i = 0; i < total; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / options.Rate);
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        inFlight.Add(SendAsync(due, clock, into));
    }
    await Task.WhenAll(inFlight);
    return clock.Elapsed;
}

async Task SendAsync(TimeSpan due, Stopwatch clock, LatencyReport? into)
{
    string outcome;
    try
    {
        using var content = new StringContent(options.Body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(options.Url, content);
        var body = await response.Content.ReadAsStringAsync();
        outcome = $"{(int)response.StatusCode} {SourceOf(body)}";
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        outcome = ex.GetType().Name;
    }
    into?.Record((clock.Elapsed - due).TotalMilliseconds, outcome);
}

static string SourceOf(string body)
{
    try
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("source", out var source) ? $"source={source.GetString()}" : "";
    }
    catch (JsonException)
    {
        return "(not json)";
    }
}
