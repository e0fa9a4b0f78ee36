using Microsoft.AspNetCore.Mvc;

namespace iAyos.Messaging.Gateway.Security;

/// <summary>Writes a problem-details answer from middleware (authentication, rate limiting), where no IResult runs.</summary>
internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
            problem.Extensions[key] = value;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
