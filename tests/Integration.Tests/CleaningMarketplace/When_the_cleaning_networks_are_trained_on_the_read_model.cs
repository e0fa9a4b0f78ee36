using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests.CleaningMarketplace;

/// <summary>
/// A generated cleaning marketplace published as upstream events and folded by the ScoringWorker, then both cleaning
/// networks trained through the Gateway and RabbitMQ by the TrainingWorker: registered with their ID mappings,
/// activated, and loadable by ONNX Runtime with the int64 id inputs the serving side feeds them.
/// </summary>
[Collection(StackCollection.Name)]
public class When_the_cleaning_networks_are_trained_on_the_read_model(Stack stack, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Kinds = [CleanerMatchKind.KindName, CleaningBidKind.KindName];
    private GeneratedMarketplace _market = null!;

    public async Task InitializeAsync()
    {
        _market = MarketplaceGenerator.Generate(new MarketplaceSpec(Jobs: 1200, Cleaners: 60, Clients: 150, Seed: 42, MarketplaceReplay.AsOf));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        // A run another test queued would train on a market that is being replaced: let it finish first.
        Assert.True(await TestInfrastructure.EventuallyAsync(async () => await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM ml.training_runs WHERE status IN ('queued', 'running') AND kind = ANY(@Kinds)", new { Kinds }) == 0,
            TimeSpan.FromSeconds(180)), "other cleaning runs should finish");
        await MarketplaceReplay.ResetAsync(connection);
        await MarketplaceReplay.PublishAndWaitAsync(stack, _market.Events, _market.Events, connection, TimeSpan.FromMinutes(5));
        // Measured against no active version, so each run activates by the "none is active" rule.
        foreach (var kind in Kinds)
            await stack.RetireActiveVersionsAsync(kind);
    }

    /// <summary>Later tests exercise the rule-based engine: retire what these runs activated.</summary>
    public async Task DisposeAsync()
    {
        foreach (var kind in Kinds)
            await stack.RetireActiveVersionsAsync(kind);
    }

    [Fact]
    public async Task Should_register_and_activate_versions_whose_onnx_scores_pairs_and_orders_bids()
    {
        var match = await TrainAsync(CleanerMatchKind.KindName);
        var bid = await TrainAsync(CleaningBidKind.KindName);

        // The cleaner-match version: active, its spec mapping the market's clients and cleaners (index 0 = unknown).
        var (matchSpecJson, matchPath) = await ActiveVersionAsync(CleanerMatchKind.KindName, match.GetProperty("registered_version").GetInt32());
        var spec = CleanerMatchSpec.Parse(matchSpecJson);
        var clients = _market.Events.OfType<ClientRegistered>().Select(c => c.ClientId).ToHashSet();
        var cleaners = _market.Events.OfType<CleanerRegistered>().Select(c => c.CleanerId).ToHashSet();
        Assert.NotEmpty(spec.ClientIds);
        Assert.NotEmpty(spec.CleanerIds);
        Assert.All(spec.ClientIds, id => Assert.Contains(id, clients));
        Assert.All(spec.CleanerIds, id => Assert.Contains(id, cleaners));
        Assert.NotEmpty(spec.PropertyTypes);
        Assert.InRange(spec.Alpha, 0, 1);

        using (var session = OnnxSession.FromFile(Path.Combine(TestInfrastructure.ArtifactsDirectory, matchPath)))
        {
            Assert.Equal(TensorElementType.Int64, session.Inputs.Single(i => i.Name == spec.ClientInput).ElementType);
            Assert.Equal(TensorElementType.Int64, session.Inputs.Single(i => i.Name == spec.CleanerInput).ElementType);
            Assert.Equal(TensorElementType.Int64, session.Inputs.Single(i => i.Name == spec.PropertyTypeInput).ElementType);
            // Known pairs, and unknown ids (index 0) as a cold-start request sends them.
            const int n = 8;
            var clientIndex = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? spec.ClientIndex(spec.ClientIds[i]) : CleanerMatchSpec.Unknown).ToArray();
            var cleanerIndex = Enumerable.Range(0, n).Select(i => spec.CleanerIndex(spec.CleanerIds[i % spec.CleanerIds.Count])).ToArray();
            var typeIndex = Enumerable.Range(0, n).Select(i => spec.PropertyTypeIndex(spec.PropertyTypes[i % spec.PropertyTypes.Count])).ToArray();
            var outputs = session.Run(new Dictionary<string, OnnxTensor>
            {
                [spec.ClientInput] = OnnxTensor.Int64(clientIndex, n),
                [spec.CleanerInput] = OnnxTensor.Int64(cleanerIndex, n),
                [spec.PropertyTypeInput] = OnnxTensor.Int64(typeIndex, n),
                [spec.InputName] = new OnnxTensor(Rows(n, CleanerMatchFeatures.Count, seed: 1), n, CleanerMatchFeatures.Count),
            }, [spec.OutputName, spec.CollaborativeOutput, spec.ContentOutput]);
            foreach (var scores in outputs)
            {
                Assert.Equal([n, 1L], scores.Shape);
                Assert.All(scores.Data, s => Assert.InRange(s, 0f, 1f));
            }
        }

        // The cleaning-bid version: three outputs per row, min <= optimal <= max.
        var (bidSpecJson, bidPath) = await ActiveVersionAsync(CleaningBidKind.KindName, bid.GetProperty("registered_version").GetInt32());
        var bidSpec = BidModelSpec.Parse(bidSpecJson);
        using (var session = OnnxSession.FromFile(Path.Combine(TestInfrastructure.ArtifactsDirectory, bidPath)))
        {
            const int n = 16;
            var bids = session.Run(bidSpec.InputName, new OnnxTensor(Rows(n, BidFeatures.Count, seed: 2), n, BidFeatures.Count), [bidSpec.OutputName])[0];
            Assert.Equal([n, 3L], bids.Shape);
            for (var i = 0; i < n; i++)
            {
                var (min, optimal, max) = (bids.Data[3 * i], bids.Data[3 * i + 1], bids.Data[3 * i + 2]);
                Assert.True(min <= optimal && optimal <= max, $"row {i}: {min} <= {optimal} <= {max}");
            }
        }
    }

    /// <summary>Feature rows in the 0-1 range the shared feature code scales to.</summary>
    private static float[] Rows(int n, int width, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n * width).Select(_ => (float)random.NextDouble()).ToArray();
    }

    private static async Task<(string FeatureExtractor, string ArtifactPath)> ActiveVersionAsync(string kind, int version)
    {
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(int Version, string FeatureExtractor, string ArtifactPath)>(
            "SELECT version, feature_extractor::text, artifact_path FROM ml.model_versions WHERE kind = @kind AND status = 'active'", new { kind });
        Assert.Equal(version, row.Version);
        return (row.FeatureExtractor, row.ArtifactPath);
    }

    private async Task<JsonElement> TrainAsync(string kind)
    {
        var response = await stack.Admin.PostAsJsonAsync("/api/ml/train", new { kind });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetGuid();
        JsonElement run = default;
        var finished = await TestInfrastructure.EventuallyAsync(async () =>
        {
            run = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/ml/training-runs/{runId}");
            return run.GetProperty("status").GetString() is "completed" or "failed";
        }, TimeSpan.FromSeconds(300));
        Assert.True(finished, $"run {runId} did not finish: {run}");
        Assert.True(run.GetProperty("status").GetString() == "completed", $"run {runId} failed: {run.GetProperty("error")}");
        Assert.True(run.GetProperty("activated").GetBoolean(), run.ToString());
        output.WriteLine($"{kind}: {run}");
        return run;
    }
}
