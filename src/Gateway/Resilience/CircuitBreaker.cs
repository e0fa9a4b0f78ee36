using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>What a breaker decided for one request.</summary>
public readonly record struct Admission(bool Allowed, bool IsProbe, string? Reason, TimeSpan RetryAfter)
{
    public static Admission Pass { get; } = new(true, false, null, TimeSpan.Zero);
}

/// <summary>
/// The breaker of one request path (one queue). Closed: requests go to the workers. Open: the Gateway answers at
/// once, without waiting for a timeout that is bound to come. It opens on consecutive timeouts, or at once when
/// the path's queue has no consumer or the broker is unreachable. Half-open: one probe passes; its answer closes
/// the breaker (after
/// <see cref="CircuitBreakerOptions.ProbesToClose"/> of them in a row, or the warm-up period), its timeout opens it again. When the watcher sees consumers return, the next request probes at
/// once rather than waiting out the open period, so a restarted worker is used as soon as it answers.
/// </summary>
/// <param name="idlePathUsed">Called when a request comes to a path that had none for
/// <see cref="CircuitBreakerOptions.IdleWatchIntervalMs"/>, so the watcher reads its consumers at once.</param>
public sealed class CircuitBreaker(string path, CircuitBreakerOptions options, TimeProvider clock, ILogger logger, Action? idlePathUsed = null)
{
    private enum State { Closed, Open, HalfOpen }

    private readonly Lock _lock = new();
    private State _state = State.Closed;
    private int _failures;
    private DateTimeOffset _openUntil;
    private string _reason = FallbackReasons.CircuitOpen;
    private bool _probeInFlight;
    private int _probesAnswered;
    private DateTimeOffset _firstProbeAnsweredAt;
    private bool _workersAbsent;
    private TaskCompletionSource _tripped = NewSignal();
    private long _lastRequestAt = long.MinValue; // clock timestamp; MinValue: never

    public string Path => path;

    /// <summary>"closed", "open" or "half_open", for status pages and logs.</summary>
    public string StateName
    {
        get { lock (_lock) return _state switch { State.Closed => "closed", State.Open => "open", _ => "half_open" }; }
    }

    /// <summary>The watcher last saw no consumer on the path's queue (or no broker).</summary>
    public bool AwaitingWorkers
    {
        get { lock (_lock) return _workersAbsent; }
    }

    /// <summary>Completes when the breaker opens, so requests already waiting can stop waiting.</summary>
    public Task Tripped
    {
        get { lock (_lock) return _tripped.Task; }
    }

    /// <summary>
    /// What a request let through should stop waiting on besides its answer: a request let through while closed
    /// stops when the breaker opens (its worker died under it); a probe waits for its own answer, since the
    /// breaker is already open.
    /// </summary>
    public Task CutShortBy(Admission admission) => admission.IsProbe ? Never : Tripped;

    private static readonly Task Never = new TaskCompletionSource().Task;

    /// <summary>
    /// Whether the watcher should read this path's consumers at its busy rate: a request came within
    /// <see cref="CircuitBreakerOptions.IdleWatchIntervalMs"/>, or the breaker is not closed (waiting for workers to return).
    /// </summary>
    public bool InUse
    {
        get
        {
            var last = Volatile.Read(ref _lastRequestAt);
            if (last != long.MinValue && clock.GetElapsedTime(last) < IdleAfter)
                return true;
            lock (_lock) return _state != State.Closed || _workersAbsent;
        }
    }

    private TimeSpan IdleAfter => TimeSpan.FromMilliseconds(options.IdleWatchIntervalMs);

    public Admission Admit()
    {
        var requestAt = clock.GetTimestamp();
        var last = Interlocked.Exchange(ref _lastRequestAt, requestAt);
        if (last == long.MinValue || clock.GetElapsedTime(last, requestAt) >= IdleAfter)
            idlePathUsed?.Invoke();
        lock (_lock)
        {
            if (_state == State.Closed)
                return Admission.Pass;
            var now = clock.GetUtcNow();
            if (_state == State.Open && (_workersAbsent || now < _openUntil))
                return Reject(now);
            _state = State.HalfOpen;
            if (_probeInFlight)
                return Reject(now);
            _probeInFlight = true;
            return new Admission(true, true, null, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// A worker answered (a fault counts: the worker is there). Closed, it resets the count of timeouts; a probe's
    /// answer counts towards <see cref="CircuitBreakerOptions.ProbesToClose"/> (or starts the warm-up period); a late answer to a request let
    /// through before the breaker opened changes nothing.
    /// </summary>
    public void Answered(bool wasProbe)
    {
        lock (_lock)
        {
            _failures = 0;
            if (_state == State.Closed || !wasProbe)
                return;
            _probeInFlight = false;
            var now = clock.GetUtcNow();
            if (++_probesAnswered == 1)
                _firstProbeAnsweredAt = now;
            if (_probesAnswered < options.ProbesToClose && now - _firstProbeAnsweredAt < TimeSpan.FromSeconds(options.WarmUpSeconds))
                return;
            _state = State.Closed;
            _tripped = NewSignal();
            logger.LogInformation("Circuit of {Path} closed: a worker answered {Probes} probes", path, _probesAnswered);
        }
    }

    /// <summary>A request waited its full timeout. A request let through before the breaker opened does not count twice.</summary>
    public void TimedOut(bool wasProbe)
    {
        lock (_lock)
        {
            if (wasProbe)
                Trip(FallbackReasons.CircuitOpen);
            else if (_state == State.Closed && ++_failures >= options.FailureThreshold)
                Trip(FallbackReasons.CircuitOpen);
        }
    }

    /// <summary>A probe ended without an answer or a timeout (an unexpected exception): let another probe go.</summary>
    public void ProbeAbandoned()
    {
        lock (_lock) _probeInFlight = false;
    }

    /// <summary>The watcher found no consumer on the path's queue, or could not reach the broker.</summary>
    public void WorkersGone(string reason)
    {
        lock (_lock)
        {
            _workersAbsent = true;
            if (_state == State.Open)
                _reason = reason;
            else
                Trip(reason);
        }
    }

    /// <summary>The watcher found consumers again: the next request probes.</summary>
    public void WorkersPresent()
    {
        lock (_lock)
        {
            if (!_workersAbsent)
                return;
            _workersAbsent = false;
            if (_state == State.Open)
                _openUntil = clock.GetUtcNow();
        }
    }

    private void Trip(string reason)
    {
        _state = State.Open;
        _reason = reason;
        _failures = 0;
        _probeInFlight = false;
        _probesAnswered = 0;
        _openUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(options.OpenSeconds);
        if (_tripped.TrySetResult())
            logger.LogWarning("Circuit of {Path} opened ({Reason})", path, reason);
    }

    private Admission Reject(DateTimeOffset now)
    {
        var wait = _openUntil - now;
        return new Admission(false, false, _reason, wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
