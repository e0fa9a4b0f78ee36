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

Console.WriteLine($"{options.Method} {(options.Urls is { Count: > 0 } urls ? $"{urls.Count} URLs in turn, the first {urls[0]}" : options.Url)} at {options.Rate}/s for {options.Duration.TotalSeconds} s (after {options.Warmup.TotalSeconds} s warm-up)");
var warmupRequests = await RunAsync(options.Warmup, into: null, first: 0);
var report = new LatencyReport();
var startedAt = DateTimeOffset.UtcNow;
// The measurement goes on through the URL list where the warm-up stopped (a cold run must not revisit warm URLs).
var elapsed = await RunAsync(options.Duration, report, first: warmupRequests.Requests);
Console.WriteLine(report.Summarize(elapsed.Elapsed));
if (options.JsonPath is { } jsonPath)
    await File.WriteAllTextAsync(jsonPath, report.ToJson(elapsed.Elapsed, startedAt));
return 0;

async Task<(TimeSpan Elapsed, int Requests)> RunAsync(TimeSpan duration, LatencyReport? into, int first)
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
        inFlight.Add(SendAsync(options.UrlFor(first + i), due, clock, into));
    }
    await Task.WhenAll(inFlight);
    return (clock.Elapsed, total);
}

async Task SendAsync(Uri url, TimeSpan due, Stopwatch clock, LatencyReport? into)
{
    int status = 0;
    string? source = null, error = null;
    try
    {
        using var content = new StringContent(options.Body, Encoding.UTF8, "application/json");
        using var response = options.Method == "GET" ? await http.GetAsync(url) : await http.PostAsync(url, content);
        var body = await response.Content.ReadAsStringAsync();
        status = (int)response.StatusCode;
        source = SourceOf(body);
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        error = ex.GetType().Name;
    }
    into?.Record(new LoadSample(due.TotalMilliseconds, (clock.Elapsed - due).TotalMilliseconds, status, source, error));
}

static string? SourceOf(string body)
{
    try
    {
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
            return null;
        if (json.RootElement.TryGetProperty("source", out var source))
            return source.GetString();
        // Recommendation lists say whether the cache answered; a user's job list, how it was ranked.
        if (json.RootElement.TryGetProperty("from_cache", out var cached))
            return $"from_cache={cached}";
        return json.RootElement.TryGetProperty("mode", out var mode) ? $"mode={mode}" : null;
    }
    catch (JsonException)
    {
        return "(not json)";
    }
}
