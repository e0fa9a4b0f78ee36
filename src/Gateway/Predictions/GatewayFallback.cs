using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>The Gateway's own answer: the kind's estimate, plus <c>fallback_reason</c> saying why no worker gave it.</summary>
public static class GatewayFallback
{
    public const string ReasonField = "fallback_reason";

    public static IResult Answer<TResponse>(TResponse estimate, string reason, IServiceProvider services)
    {
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToNode(estimate, json)!.AsObject();
        body[ReasonField] = reason;
        return Results.Json(body, json);
    }
}
