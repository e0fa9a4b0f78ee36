using MassTransit;
using MassTransit.RetryPolicies;

namespace iAyos.Messaging.Platform.Bus;

/// <summary>
/// One retry policy for two kinds of failure: a transient one (<see cref="TransientFailures"/>) is retried with
/// backoff, as the dependency may be back in a moment; any other failure the filter handles is retried at once a
/// few times (a race, a deadlock between consumers). The counts are kept apart, so a message that meets both
/// gets both. When retries run out the last exception leaves the filter as it came.
/// </summary>
public sealed class DependencyRetryPolicy(IExceptionFilter filter, IReadOnlyList<TimeSpan> transientDelays, int immediateRetries) : IRetryPolicy
{
    public IReadOnlyList<TimeSpan> TransientDelays { get; } = transientDelays;

    public int ImmediateRetries { get; } = immediateRetries;

    public bool IsHandled(Exception exception) => filter.Match(exception);

    RetryPolicyContext<T> IRetryPolicy.CreatePolicyContext<T>(T context) => new PolicyContext<T>(this, context);

    void IProbeSite.Probe(ProbeContext context)
    {
        context.Set(new { Policy = "Dependency", TransientDelays, ImmediateRetries });
        filter.Probe(context);
    }

    /// <summary>Whether a failure after <paramref name="transientSoFar"/> and <paramref name="otherSoFar"/> retries may be retried again.</summary>
    internal bool Allows(Exception exception, int transientSoFar, int otherSoFar) =>
        IsHandled(exception) && (TransientFailures.IsTransient(exception)
            ? transientSoFar < TransientDelays.Count
            : otherSoFar < ImmediateRetries);

    private sealed class PolicyContext<T>(DependencyRetryPolicy policy, T context) : BaseRetryPolicyContext<T>(policy, context)
        where T : class, PipeContext
    {
        public override bool CanRetry(Exception exception, out RetryContext<T> retryContext)
        {
            var allowed = base.CanRetry(exception, out retryContext);
            return allowed && policy.Allows(exception, 0, 0);
        }

        protected override RetryContext<T> CreateRetryContext(Exception exception, CancellationToken cancellationToken) =>
            Attempt<T>.After(policy, Context, exception, 0, 0, 0, cancellationToken);
    }

    /// <summary>The retry about to happen after <see cref="BaseRetryContext{T}.Exception"/>, with the counts including it.</summary>
    private sealed class Attempt<T> : BaseRetryContext<T>, RetryContext<T>
        where T : class, PipeContext
    {
        private readonly DependencyRetryPolicy _policy;
        private readonly int _transient;
        private readonly int _other;
        private readonly bool _isTransient;

        private Attempt(DependencyRetryPolicy policy, T context, Exception exception, int retryCount, int transient, int other,
            bool isTransient, CancellationToken cancellationToken)
            : base(context, exception, retryCount, cancellationToken)
        {
            _policy = policy;
            _transient = transient;
            _other = other;
            _isTransient = isTransient;
        }

        public static Attempt<T> After(DependencyRetryPolicy policy, T context, Exception exception, int retryCount,
            int transientBefore, int otherBefore, CancellationToken cancellationToken)
        {
            var transient = TransientFailures.IsTransient(exception);
            return new Attempt<T>(policy, context, exception, retryCount,
                transientBefore + (transient ? 1 : 0), otherBefore + (transient ? 0 : 1), transient, cancellationToken);
        }

        public override TimeSpan? Delay =>
            _isTransient ? _policy.TransientDelays[Math.Min(_transient, _policy.TransientDelays.Count) - 1] : null;

        bool RetryContext<T>.CanRetry(Exception exception, out RetryContext<T> retryContext)
        {
            retryContext = After(_policy, Context, exception, RetryCount + 1, _transient, _other, CancellationToken);
            return _policy.Allows(exception, _transient, _other);
        }
    }
}
