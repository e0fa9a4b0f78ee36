namespace iAyos.Messaging.Load;

/// <summary>
/// One request: when it was due (ms after the run started), how long it took from then, the HTTP status
/// (0 when no answer came: <paramref name="Error"/> says why) and the body's <c>source</c>, if any.
/// <paramref name="SendLagMs"/> is how late the load generator itself sent it: part of the latency that is not the server's.
/// </summary>
public sealed record LoadSample(double DueMs, double LatencyMs, int Status, string? Source, string? Error, double SendLagMs = 0)
{
    public string Outcome => Status == 0 ? Error ?? "no answer" : Source is null ? $"{Status}" : $"{Status} source={Source}";
}
