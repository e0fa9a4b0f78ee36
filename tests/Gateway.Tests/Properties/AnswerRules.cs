using System.Text.Json;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>
/// What every answer to bad input must be. Each rule throws with the answer in its message, which FsCheck
/// prints beside the shrunk request.
/// </summary>
public static class AnswerRules
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>
    /// Never 500 or above, except 503 when the request may be valid: with no worker behind the in-memory bus a
    /// valid recommendation request is answered 503. Every 4xx or 5xx is a ProblemDetails, and a 400 names the
    /// fields at fault.
    /// </summary>
    public static void NoServerError(Answer answer, bool mayReachWorker)
    {
        if (answer.Status >= 500 && !(mayReachWorker && answer.Status == 503))
            throw new PropertyViolated($"answered {answer}");
        if (answer.Status >= 400)
            Problem(answer);
        if (answer.Status == 400)
            Fields(answer);
    }

    /// <summary>A 400 ProblemDetails whose <c>errors</c> name at least one of <paramref name="fields"/> (or a path below one).</summary>
    public static void FieldProblem(Answer answer, params string[] fields)
    {
        if (answer.Status != 400)
            throw new PropertyViolated($"expected 400 naming {string.Join(" or ", fields)}; answered {answer}");
        Problem(answer);
        var named = Fields(answer);
        if (!named.Any(n => fields.Any(f => n == f || n.StartsWith(f + "[", StringComparison.Ordinal) || n.StartsWith(f + ".", StringComparison.Ordinal))))
            throw new PropertyViolated($"expected errors naming {string.Join(" or ", fields)}; answered {answer}");
    }

    /// <summary>
    /// An answer of one of <paramref name="statuses"/> that is a ProblemDetails naming one of <paramref name="fields"/>
    /// (any field when none is given).
    /// </summary>
    public static void FieldProblem(Answer answer, int[] statuses, params string[] fields)
    {
        var which = fields.Length == 0 ? "a field" : string.Join(" or ", fields);
        if (!statuses.Contains(answer.Status))
            throw new PropertyViolated($"expected {string.Join(" or ", statuses)} naming {which}; answered {answer}");
        Problem(answer);
        var named = Fields(answer);
        if (fields.Length > 0 && !named.Any(fields.Contains))
            throw new PropertyViolated($"expected errors naming {string.Join(" or ", fields)}; answered {answer}");
    }

    private static void Problem(Answer answer)
    {
        if (answer.MediaType != ProblemJson)
            throw new PropertyViolated($"a {answer.Status} that is not {ProblemJson}: {answer}");
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("status", out var status) || status.GetInt32() != answer.Status)
                throw new PropertyViolated($"a ProblemDetails without its status: {answer}");
        }
        catch (JsonException)
        {
            throw new PropertyViolated($"a {ProblemJson} body that is not JSON: {answer}");
        }
    }

    private static IReadOnlyList<string> Fields(Answer answer)
    {
        using var json = JsonDocument.Parse(answer.Body);
        if (!json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
            throw new PropertyViolated($"a {answer.Status} without 'errors': {answer}");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToList();
        if (fields.Count == 0)
            throw new PropertyViolated($"a {answer.Status} whose 'errors' name no field: {answer}");
        return fields;
    }
}

/// <summary>A property's rule was broken; the message says how, with the answer.</summary>
public sealed class PropertyViolated(string message) : Exception(message);
