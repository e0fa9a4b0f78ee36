using System.Text.Json;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>A health endpoint reports, whatever it is asked: 200 or 503, with a JSON status.</summary>
public static class HealthRules
{
    public static void Report(Answer answer)
    {
        if (answer.Status is not (200 or 503) || answer.MediaType != "application/json")
            throw new PropertyViolated($"a health report must be 200 or 503 JSON; answered {answer}");
        using var json = JsonDocument.Parse(answer.Body);
        if (!json.RootElement.TryGetProperty("status", out _))
            throw new PropertyViolated($"a health report without 'status': {answer}");
    }
}
