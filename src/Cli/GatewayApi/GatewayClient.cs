using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;

namespace iAyos.Messaging.Cli.GatewayApi;

/// <summary>A running Gateway's HTTP API; a gateway that cannot be reached is a <see cref="GatewayUnreachableException"/>.</summary>
public sealed class GatewayClient(Uri baseAddress) : IDisposable
{
    public const string EnvironmentVariable = "IAYOS_GATEWAY";
    public const string DefaultAddress = "http://127.0.0.1:5080";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseAddress => baseAddress;

    /// <summary><c>--gateway URL</c>, by default <c>$IAYOS_GATEWAY</c> or the address scripts/up.sh uses.</summary>
    public static Option<Uri> Option()
    {
        var option = new Option<Uri>("--gateway")
        {
            Description = $"The Gateway's base address (default ${EnvironmentVariable} or {DefaultAddress}).",
            HelpName = "URL",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultAddress),
        };
        option.CustomParser = result =>
        {
            if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--gateway {result.Tokens[0].Value} is not an http(s) address.");
            return null;
        };
        return option;
    }

    public Task<GatewayAnswer> GetAsync(string path, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<GatewayAnswer> PostJsonAsync(string path, string json, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, ct);

    private async Task<GatewayAnswer> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await _http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                return new GatewayAnswer(response.StatusCode, body);
            }
            catch (HttpRequestException ex)
            {
                throw new GatewayUnreachableException($"cannot reach the gateway at {baseAddress} ({ex.Message}).", ex);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new GatewayUnreachableException($"the gateway at {baseAddress} did not answer within {_http.Timeout.TotalSeconds:F0} s.", ex);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What the gateway said: its status code and body.</summary>
public sealed record GatewayAnswer(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonDocument? Json()
    {
        try
        {
            return Body.Length == 0 ? null : JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The gateway is down or silent; the commands report it in one line and exit 1.</summary>
public sealed class GatewayUnreachableException(string message, Exception inner) : Exception(message, inner);
