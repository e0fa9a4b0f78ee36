using iAyos.Messaging.Gateway.Resilience;
using iAyos.Messaging.Platform.Bus;
using Microsoft.AspNetCore.Diagnostics;

namespace iAyos.Messaging.Gateway.Http;

/// <summary>
/// An endpoint that reads PostgreSQL itself (runs, registry, categories) meets an outage as an exception: answer
/// 503 with Retry-After, and keep the exception's text (host, port, user) in the log, out of the answer.
/// Anything else falls through to the generic 500 problem, which carries no exception text either.
/// </summary>
public sealed class DependencyExceptionHandler(ILogger<DependencyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFailures.IsTransient(exception))
            return false;
        logger.LogWarning("{Method} {Path}: a dependency is unavailable ({Error})",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        await Problems.Unavailable("A dependency is unavailable.", "The database is unavailable; try again shortly.",
            DependencyFailures.RetryAfter, "database_unavailable").ExecuteAsync(httpContext);
        return true;
    }
}
