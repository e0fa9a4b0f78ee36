using System.Diagnostics.Metrics;

namespace iAyos.Messaging.Platform.Metrics;

/// <summary>
/// <c>iayos.circuit.state</c>: the Gateway's breaker of each request <c>path</c> (the queue its requests go to),
/// read at scrape time: <see cref="Closed"/> 0, <see cref="HalfOpen"/> 1, <see cref="Open"/> 2.
/// </summary>
public static class CircuitMetrics
{
    public const string StateName = "iayos.circuit.state";
    public const int Closed = 0;
    public const int HalfOpen = 1;
    public const int Open = 2;

    /// <summary>The gauge's value for a breaker's state name ("closed", "half_open", "open").</summary>
    public static int ValueOf(string state) => state switch
    {
        "closed" => Closed,
        "half_open" => HalfOpen,
        "open" => Open,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a circuit state."),
    };

    /// <summary>
    /// Registers the gauge on a meter of the host's <paramref name="meters"/>, so it goes with the host (a test
    /// host's breakers are not read after it stops). <paramref name="observe"/> runs on each scrape.
    /// </summary>
    public static void Observe(IMeterFactory meters, Func<IEnumerable<Measurement<int>>> observe) =>
        meters.Create(MeterNames.Gateway).CreateObservableGauge(StateName, observe, "{state}",
            "Circuit breaker state per request path: 0 closed, 1 half-open, 2 open.");

    public static Measurement<int> Measure(string path, string state) =>
        new(ValueOf(state), new KeyValuePair<string, object?>("path", path));
}
