using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.ScoringWorker.Tests.Recommendations;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests.CleaningMarketplace;

/// <summary>
/// The ScoringWorker serves the cleaner-match network from the registry: loaded on a reload, used per mode over
/// HTTP, each answer recorded with its mode; a version that fails to load leaves the serving one in place.
/// </summary>
[Collection(StackCollection.Name)]
public class Serving_the_cleaning_networks(Stack stack) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stack.RetireActiveVersionsAsync(CleanerMatchKind.KindName);
        // The ScoringWorker reloads on the same fanned-out command: nothing of the cleaning kinds stays loaded for later tests.
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync("/api/ml/reload-model", null)).StatusCode);
        var models = stack.Scoring.Services.GetRequiredService<ActiveModels>();
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(models.Get(CleanerMatchKind.KindName) is null), TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Each_mode_ranks_by_its_own_score_and_falls_back_when_no_version_is_active()
    {
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(Jobs: 150, Cleaners: 25, Clients: 30, Seed: 11, MarketplaceReplay.AsOf));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await MarketplaceReplay.ResetAsync(connection);
        await MarketplaceReplay.PublishAndWaitAsync(stack, market.Events, market.Events, connection, TimeSpan.FromMinutes(5));
        var jobId = market.OpenJobIds[0];
        var url = $"/api/recommendations/jobs/{jobId}/cleaners?limit=100&max_distance_km=60";

        // No version active: neural falls back to rule_based, and says so.
        var fallback = await stack.Http.GetFromJsonAsync<JsonElement>(url + "&mode=neural");
        Assert.Equal("rule_based", fallback.GetProperty("mode").GetString());
        Assert.Equal("neural", fallback.GetProperty("requested_mode").GetString());
        Assert.Equal("no_active_model", fallback.GetProperty("fallback").GetString());

        // Every cleaner but the last is known to the version: the last one is scored by content alone.
        var cleanerIds = market.Events.OfType<CleanerRegistered>().Select(c => c.CleanerId).Order().ToList();
        var spec = new CleanerMatchSpec
        {
            ClientIds = market.Events.OfType<ClientRegistered>().Select(c => c.ClientId).ToList(),
            CleanerIds = cleanerIds[..^1],
            PropertyTypes = ["apartment", "house", "office", "villa"],
        };
        var registry = new ModelRegistry(db);
        var version = await RegisterAsync(registry, CleanerMatchKind.KindName, Graph(cleanerIds.Count - 1), spec.ToJson());
        await ActivateAndReloadAsync(registry, CleanerMatchKind.KindName, version);

        var neural = await stack.Http.GetFromJsonAsync<JsonElement>(url + "&mode=neural");
        Assert.Equal("neural", neural.GetProperty("mode").GetString());
        Assert.Equal(version, neural.GetProperty("model_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, neural.GetProperty("fallback").ValueKind);
        var items = neural.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(i.GetProperty("neural_score").GetDouble(), i.GetProperty("score").GetDouble()));
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var ensemble = await stack.Http.GetFromJsonAsync<JsonElement>(url + "&mode=ensemble");
        Assert.Equal("ensemble", ensemble.GetProperty("mode").GetString());
        foreach (var i in ensemble.GetProperty("recommendations").EnumerateArray())
            Assert.Equal(0.6 * i.GetProperty("rule_based_score").GetDouble() + 0.4 * i.GetProperty("neural_score").GetDouble(), i.GetProperty("score").GetDouble(), 0.01);

        var rules = await stack.Http.GetFromJsonAsync<JsonElement>(url + "&mode=rule_based");
        Assert.All(rules.GetProperty("recommendations").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("neural_score").ValueKind));

        var modes = (await connection.QueryAsync<string>("SELECT DISTINCT mode FROM scoring.cleaner_recommendations WHERE job_id = @jobId", new { jobId })).Order();
        Assert.Equal(["ensemble", "neural", "rule_based"], modes);

        // A version that does not load (not a model) is refused; the serving one keeps answering. (Nothing marks the
        // reload as done from outside; the loader's refusal itself is what the InferenceWorker's tests pin down.)
        var broken = await RegisterAsync(registry, CleanerMatchKind.KindName, "not an onnx model"u8.ToArray(), spec.ToJson());
        await registry.ActivateAsync(CleanerMatchKind.KindName, broken, "test", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync("/api/ml/reload-model", null)).StatusCode);
        var afterBroken = await stack.Http.GetFromJsonAsync<JsonElement>(url + "&mode=neural");
        Assert.Equal(version, afterBroken.GetProperty("model_version").GetInt32());

        // No bid model: a neural bid suggestion comes from the rule-based suggester and says so; its mode is recorded.
        var cleanerId = items[0].GetProperty("cleaner_id").GetInt64();
        var bid = await (await stack.Http.PostAsJsonAsync("/api/recommendations/bid-suggestion", new { job_id = jobId, cleaner_id = cleanerId, mode = "neural" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("rule_based", "no_active_model"), (bid.GetProperty("mode").GetString(), bid.GetProperty("fallback").GetString()));
        Assert.Equal("rule_based", await connection.ExecuteScalarAsync<string>("SELECT mode FROM scoring.bid_suggestions WHERE id = @id",
            new { id = bid.GetProperty("suggestion_id").GetGuid() }));
    }

    private async Task ActivateAndReloadAsync(ModelRegistry registry, string kind, int version)
    {
        await registry.ActivateAsync(kind, version, "test", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync("/api/ml/reload-model", null)).StatusCode);
        var models = stack.Scoring.Services.GetRequiredService<ActiveModels>();
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(models.Get(kind)?.Version == version), TimeSpan.FromSeconds(15)),
            $"The ScoringWorker did not load {kind} v{version}.");
    }

    /// <summary>The unit tests' graph (content = bid / 1000, collaborative = the cleaner's embedding row, score = their
    /// mean), with embeddings (i % 7) / 7 for indices 1 to <paramref name="knownCleaners"/>.</summary>
    private static byte[] Graph(int knownCleaners) =>
        ServedNetworks.CleanerMatchGraph([.. Enumerable.Range(1, knownCleaners).Select(i => (float)(i % 7) / 7)]);

    private static async Task<int> RegisterAsync(ModelRegistry registry, string kind, byte[] artifact, string spec)
    {
        var name = $"{kind}-{Guid.NewGuid():N}.onnx";
        var path = Path.Combine(TestInfrastructure.ArtifactsDirectory, name);
        await File.WriteAllBytesAsync(path, artifact);
        var sha = await ModelArtifacts.Sha256Async(path, CancellationToken.None);
        return await registry.RegisterAsync(new ModelVersionDraft(kind, name, sha, spec, "{}", "test"), CancellationToken.None);
    }
}
