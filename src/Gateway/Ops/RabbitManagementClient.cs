using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace iAyos.Messaging.Gateway.Ops;

/// <summary>Reads the virtual host's queues from RabbitMQ's management API (<c>GET /api/queues/{vhost}</c>, basic auth).</summary>
public sealed class RabbitManagementClient(HttpClient http, RabbitManagementOptions options)
{
    public Uri QueuesUri { get; } = new(new Uri(options.ManagementUrl.TrimEnd('/') + "/"), "api/queues/" + Uri.EscapeDataString(options.VirtualHost));

    /// <exception cref="ManagementApiUnavailableException">The API could not be read; the message says why, without its address.</exception>
    public async Task<IReadOnlyList<QueueStats>> QueuesAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, QueuesUri);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                throw new ManagementApiUnavailableException(
                    $"The management API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return Parse(document.RootElement);
        }
        catch (HttpRequestException ex)
        {
            throw new ManagementApiUnavailableException($"The management API could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ManagementApiUnavailableException($"The management API did not answer within {http.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ManagementApiUnavailableException("The management API's answer is not a list of queues.", ex);
        }
    }

    /// <summary>
    /// A queue the broker has just declared has no statistics yet: its counts and rates are absent, read as zero.
    /// </summary>
    public static IReadOnlyList<QueueStats> Parse(JsonElement queues) =>
    [
        .. queues.EnumerateArray()
            .Select(q =>
            {
                var ready = Long(q, "messages_ready");
                var unacked = Long(q, "messages_unacknowledged");
                var depth = q.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number
                    ? messages.GetInt64() : ready + unacked;
                return new QueueStats(
                    q.GetProperty("name").GetString()!, depth, ready, unacked, (int)Long(q, "consumers"),
                    Rate(q, "publish_details"), Rate(q, "deliver_get_details"));
            })
            .OrderBy(q => q.Name, StringComparer.Ordinal),
    ];

    private static long Long(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.ValueKind == JsonValueKind.Object
        && stats.TryGetProperty(details, out var d) && d.ValueKind == JsonValueKind.Object
        && d.TryGetProperty("rate", out var rate) && rate.ValueKind == JsonValueKind.Number
            ? rate.GetDouble() : 0;
}
