using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace iAyos.Messaging.Load;

/// <summary>Sends one request of the run and records its latency, status and the body's <c>source</c>.</summary>
public sealed class LoadClient(LoadOptions options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <param name="due">When the request was due, on <paramref name="clock"/>: its latency is counted from then.</param>
    public async Task SendAsync(int index, TimeSpan due, Stopwatch clock, LatencyReport? into)
    {
        var lag = clock.Elapsed - due;
        int status = 0;
        string? source = null, error = null;
        var url = options.UrlFor(index);
        try
        {
            using var content = new StringContent(options.Body, Encoding.UTF8, "application/json");
            using var response = options.Method == "GET" ? await _http.GetAsync(url) : await _http.PostAsync(url, content);
            var body = await response.Content.ReadAsStringAsync();
            status = (int)response.StatusCode;
            source = SourceOf(body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            error = ex.GetType().Name;
        }
        into?.Record(new LoadSample(due.TotalMilliseconds, (clock.Elapsed - due).TotalMilliseconds, status, source, error, lag.TotalMilliseconds));
    }

    public void Dispose() => _http.Dispose();

    private static string? SourceOf(string body)
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
}
