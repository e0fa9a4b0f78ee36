using System.Diagnostics.Metrics;

namespace iAyos.Messaging.Platform.Metrics;

/// <summary>
/// <c>iayos.circuit.state</c>: the Gateway's breaker of each request <c>path</c> (the queue its requests go to),
/// read at scrape time: <see cref="Closed"/> 0, <see cref="HalfOpen"/> 1, <see cref="Open"/> 2. An open breaker
/// stays open until a request probes, so <c>iayos.circuit.awaiting_workers</c> (1 while the consumer watcher sees
/// no consumer on the path's queue) tells "open, workers gone" from "open, workers back, no request since".
/// </summary>
public static class CircuitMetrics
{
    public const string StateName = "iayos.circuit.state";
    public const string AwaitingWorkersName = "iayos.circuit.awaiting_workers";
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
    /// host's breakers are not read after it stops). Both callbacks run on each scrape.
    /// </summary>
    /// <param name="states">Each path's breaker state name.</param>
    /// <param name="awaitingWorkers">Each path's "no consumer seen" flag.</param>
    public static void Observe(IMeterFactory meters, Func<IEnumerable<(string Path, string State)>> states,
        Func<IEnumerable<(string Path, bool Awaiting)>> awaitingWorkers)
    {
        var meter = meters.Create(MeterNames.Gateway);
        meter.CreateObservableGauge(StateName, () => states().Select(s => new Measurement<int>(ValueOf(s.State), Path(s.Path))), "{state}",
            "Circuit breaker state per request path: 0 closed, 1 half-open, 2 open.");
        meter.CreateObservableGauge(AwaitingWorkersName, () => awaitingWorkers().Select(a => new Measurement<int>(a.Awaiting ? 1 : 0, Path(a.Path))), "1",
            "1 while the Gateway sees no consumer on the path's queue (or no broker), else 0.");
    }

    private static KeyValuePair<string, object?> Path(string path) => new("path", path);
}
