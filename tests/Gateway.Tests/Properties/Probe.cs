using System.Text;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>
/// One HTTP request a property sends. Its <see cref="ToString"/> is what FsCheck prints for a counterexample,
/// so it shows the request as it went out (long bodies cut, with their length).
/// </summary>
/// <param name="Target">Path and query, already escaped as they go on the wire.</param>
/// <param name="ContentType">The Content-Type header as sent, unparsed; null sends none.</param>
/// <param name="Body">The body text (UTF-8); null sends no body.</param>
/// <param name="RawBody">Bytes sent instead of <paramref name="Body"/> (e.g. invalid UTF-8).</param>
public sealed record Probe(string Method, string Target, string? ContentType = null, string? Body = null, byte[]? RawBody = null)
{
    private const int Shown = 400;

    public static Probe Json(string method, string target, string body) => new(method, target, "application/json", body);

    public int BodyBytes => RawBody?.Length ?? (Body is null ? 0 : Encoding.UTF8.GetByteCount(Body));

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, UriKind.Relative));
        var bytes = RawBody ?? (Body is null ? null : Encoding.UTF8.GetBytes(Body));
        if (bytes is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            // Added without validation: a malformed Content-Type is part of what is being probed.
            if (ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Cut(Target)}");
        if (ContentType is not null || Body is not null || RawBody is not null)
            text.Append($" [Content-Type: {ContentType ?? "(none)"}]");
        if (RawBody is not null)
            text.Append($" bytes {Convert.ToHexString(RawBody.AsSpan(0, Math.Min(RawBody.Length, Shown / 2)))} ({RawBody.Length} bytes)");
        else if (Body is not null)
            text.Append(' ').Append(Cut(Body));
        return text.ToString();
    }

    private static string Cut(string text) => text.Length <= Shown ? text : $"{text[..Shown]}... ({text.Length} chars)";
}

/// <summary>What the Gateway answered to a <see cref="Probe"/>.</summary>
public sealed record Answer(int Status, string? MediaType, string Body)
{
    public static Answer Of(HttpClient client, Probe probe)
    {
        // Properties run synchronously; the in-process server does not need this thread to make progress.
        using var request = probe.ToRequest();
        using var response = client.SendAsync(request).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public override string ToString() =>
        $"{Status} [{MediaType ?? "no content type"}] {(Body.Length <= 600 ? Body : Body[..600] + "...")}";
}
