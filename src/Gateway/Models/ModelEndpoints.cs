using System.Text.Json;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Platform.Security;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Models;

/// <summary>The model registry: list versions, activate one (rollback is activating an older one).</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");

        models.MapGet("/", async (ModelRegistry registry, ModelKindCatalog kinds, CancellationToken ct) =>
        {
            var versions = await registry.ListAsync(kind: null, ct);
            return Results.Ok(kinds.Names.Select(kind => new
            {
                kind,
                active_version = versions.FirstOrDefault(v => v.Kind == kind && v.Status == "active")?.Version,
                versions = versions.Count(v => v.Kind == kind),
            }));
        }).WithSummary("Every model kind with its active version.");

        models.MapGet("/{kind}", async (string kind, ModelRegistry registry, ModelKindCatalog kinds, CancellationToken ct) =>
        {
            if (!kinds.IsKnown(kind))
                return Problems.InvalidField("kind", kinds.MustBeOneOf());
            var versions = await registry.ListAsync(kind, ct);
            return Results.Ok(new { kind, versions = versions.Select(ToResponse) });
        }).WithSummary("A kind's versions, newest first, with metrics.");

        models.MapPost("/{kind}/{version}/activate", async (string kind, string version, HttpRequest http, ModelRegistry registry,
            ModelKindCatalog kinds, IOptions<ModelArtifacts> artifacts, IPublishEndpoint bus, IOptions<GatewayOptions> options) =>
        {
            if (!kinds.IsKnown(kind))
                return Problems.InvalidField("kind", kinds.MustBeOneOf());
            if (!int.TryParse(version, out var number) || number < 1)
                return Problems.InvalidField("version", "must be a positive integer.");
            var ct = http.HttpContext.RequestAborted;
            var target = await registry.FindAsync(kind, number, ct);
            if (target is null)
                return Problems.NotFound($"No version {number} of {kind}.");

            // A missing or altered artifact is refused here, and the active version keeps serving.
            var refusal = await artifacts.Value.VerifyAsync(target.ArtifactPath, target.Sha256, ct);
            if (refusal is not null)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The artifact cannot be activated.", detail: refusal);

            var activatedBy = http.Headers["X-Activated-By"].FirstOrDefault()
                ?? http.HttpContext.User.FindFirst(AccessTokens.SubjectClaim)?.Value ?? "api";
            await registry.ActivateAsync(kind, number, activatedBy, ct);
            try
            {
                await bus.Publish(new ModelActivated
                {
                    Kind = kind, Version = number, ArtifactPath = target.ArtifactPath, Sha256 = target.Sha256,
                    ActivatedAt = DateTimeOffset.UtcNow, ActivatedBy = activatedBy,
                }).WaitAsync(TimeSpan.FromMilliseconds(options.Value.CommandTimeoutMs));
            }
            catch (Exception ex) when (ex is TimeoutException or MassTransitException)
            {
                // Recorded as active: every InferenceWorker loads the active versions when it (re)starts.
                return Problems.BusUnavailable($"Version {number} is active in the registry, but the activation could not be announced (the broker did not confirm it); every InferenceWorker loads the active versions when it (re)starts.");
            }
            var activated = await registry.FindAsync(kind, number, ct);
            return Results.Ok(ToResponse(activated!));
        }).RequireAdmin().WithSummary("Make a version the one every InferenceWorker serves.");

        return app;
    }

    private static object ToResponse(ModelVersion v) => new
    {
        kind = v.Kind,
        version = v.Version,
        status = v.Status,
        artifact_path = v.ArtifactPath,
        sha256 = v.Sha256,
        metrics = JsonDocument.Parse(v.Metrics).RootElement,
        feature_extractor = JsonDocument.Parse(v.FeatureExtractor).RootElement,
        training_data = v.TrainingData,
        created_at = DateTime.SpecifyKind(v.CreatedAt, DateTimeKind.Utc),
        activated_by = v.ActivatedBy,
        activated_at = v.ActivatedAt,
    };
}
