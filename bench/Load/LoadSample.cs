namespace iAyos.Messaging.Load;

/// <summary>
/// One request: when it was due (ms after the run started), how long it took from then, the HTTP status
/// (0 when no answer came: <paramref name="Error"/> says why) and the body's <c>source</c>, if any.
/// </summary>
public sealed record LoadSample(double DueMs, double LatencyMs, int Status, string? Source, string? Error)
{
    public string Outcome => Status == 0 ? Error ?? "no answer" : Source is null ? $"{Status}" : $"{Status} source={Source}";
}
