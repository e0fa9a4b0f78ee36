using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Security;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>
/// <c>POST /api/recommendations/recompute-scores</c> (admin): sends the ScoringWorker the same recompute command its
/// timer sends, and answers 202 once the broker has it.
/// </summary>
public static class RecomputeScoresEndpoint
{
    public const string Route = "/api/recommendations/recompute-scores";

    public static IEndpointRouteBuilder MapRecomputeScores(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, async (ISendEndpointProvider sendProvider, IOptions<GatewayOptions> options) =>
            {
                var command = new RecomputeCleanerScores { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow };
                try
                {
                    var endpoint = await sendProvider.GetSendEndpoint(QueueNames.Address(QueueNames.ScoringCommands));
                    // Bounded from outside: cancelling a send half-way can break the AMQP channel.
                    await endpoint.Send(command).WaitAsync(TimeSpan.FromMilliseconds(options.Value.CommandTimeoutMs));
                }
                catch (Exception ex) when (ex is TimeoutException or MassTransitException)
                {
                    return Problems.BusUnavailable("Could not send the recompute command; the broker did not confirm it.");
                }
                return Results.Accepted(value: new { request_id = command.RequestId, status = "queued" });
            })
            .RequireAdmin()
            .WithTags("Recommendations")
            .Produces(StatusCodes.Status202Accepted)
            .WithSummary("Recompute every cleaner's score now, as the ScoringWorker's timer does.");
        return app;
    }
}
