using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.Platform.Bus;

/// <summary>Runs an operation on a dependency until it succeeds, waiting out transient failures with <see cref="Backoff"/>.</summary>
public static class TransientRetry
{
    /// <summary>
    /// Retries <paramref name="operation"/> for as long as it fails transiently (<see cref="TransientFailures"/>);
    /// any other failure, and cancellation, are thrown as they come.
    /// </summary>
    /// <param name="what">What is being done, for the log: "recording run 42 as completed".</param>
    public static async Task<T> UntilAvailableAsync<T>(Func<CancellationToken, Task<T>> operation, ILogger logger, string what, CancellationToken ct)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await operation(ct);
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex) && !ct.IsCancellationRequested)
            {
                var delay = Backoff.Delay(retry);
                logger.LogWarning("{What} failed, retrying in {Delay} until the dependency is back: {Reason}", what, delay, ex.Message);
                await Task.Delay(delay, ct);
            }
        }
    }
}
