using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.ScoringWorker.Recommendations;
using Microsoft.Extensions.Logging.Abstractions;

namespace iAyos.Messaging.ScoringWorker.Tests.Recommendations;

/// <summary>
/// Small real ONNX graphs with the inputs and outputs the cleaning specs name, whose answers a test can work out:
/// content = the bid feature (bid / 1000), collaborative = the cleaner's embedding row, score = their mean.
/// Content deliberately disagrees with the rule-based score, so a ranking shows which score it followed.
/// </summary>
public static class ServedNetworks
{
    public const long ClientId = 500;
    public const float UnknownCleanerEmbedding = 0.95f;

    public static byte[] CleanerMatchGraph(IReadOnlyList<float> cleanerEmbeddings)
    {
        var bidWeight = new float[CleanerMatchFeatures.Count];
        bidWeight[CleanerMatchFeatures.Names.ToList().IndexOf("bid_amount")] = 1;
        float[] table = [UnknownCleanerEmbedding, .. cleanerEmbeddings];
        return new OnnxGraphBuilder("cleaner_match")
            .AddInt64Input("client_id", [null])
            .AddInt64Input("cleaner_id", [null])
            .AddInt64Input("property_type", [null])
            .AddInput("features", null, CleanerMatchFeatures.Count)
            .AddInitializer("bid_weight", bidWeight, CleanerMatchFeatures.Count, 1)
            .AddInitializer("cleaner_table", table, table.Length, 1)
            .AddInitializer("half", [0.5f], 1)
            .AddNode("MatMul", ["features", "bid_weight"], ["content"])
            .AddNode("Gather", ["cleaner_table", "cleaner_id"], ["collaborative"])
            .AddNode("Add", ["content", "collaborative"], ["sum"])
            .AddNode("Mul", ["sum", "half"], ["score"])
            .AddOutput("score", null, 1)
            .AddOutput("collaborative", null, 1)
            .AddOutput("content", null, 1)
            .ToModelBytes();
    }

    /// <summary>Declares 5 features where the spec sends 18: every run fails in ONNX Runtime.</summary>
    public static byte[] BrokenCleanerMatchGraph() => new OnnxGraphBuilder("broken")
        .AddInt64Input("client_id", [null])
        .AddInt64Input("cleaner_id", [null])
        .AddInt64Input("property_type", [null])
        .AddInput("features", null, 5)
        .AddNode("Relu", ["features"], ["score"])
        .AddNode("Relu", ["features"], ["content"])
        .AddOutput("score", null, 5)
        .AddOutput("content", null, 5)
        .ToModelBytes();

    /// <summary>bids = hours/10 + bias per output (x amount_scale EUR): with bias 0.5, 1.0, 1.5 and 3 hours, 80/130/180 EUR.</summary>
    public static byte[] BidGraph(float[] bias)
    {
        var weights = new float[BidFeatures.Count * 3];
        weights[0] = weights[1] = weights[2] = 1; // row 0 = estimated_hours / 10
        return new OnnxGraphBuilder("cleaning_bid")
            .AddInput("features", null, BidFeatures.Count)
            .AddInitializer("w", weights, BidFeatures.Count, 3)
            .AddInitializer("b", bias, 3)
            .AddNode("Gemm", ["features", "w", "b"], ["bids"])
            .AddOutput("bids", null, 3)
            .ToModelBytes();
    }

    public static LoadedModel CleanerMatch(byte[] graph, CleanerMatchSpec spec, int version = 3) =>
        new(CleanerMatchKind.KindName, version, "sha", OnnxSession.FromBytes(graph), DateTimeOffset.UtcNow, spec);

    public static LoadedModel Bid(byte[] graph, int version = 4) =>
        new(CleaningBidKind.KindName, version, "sha", OnnxSession.FromBytes(graph), DateTimeOffset.UtcNow, new BidModelSpec());

    public static RecommendationEngine Engine(ActiveModels models, RecommendationOptions? options = null) =>
        new(new CleanerMatchNetwork(models), options ?? new RecommendationOptions(), NullLogger<RecommendationEngine>.Instance);

    public static BidSuggestionEngine Bids(ActiveModels models, RecommendationOptions? options = null) =>
        new(models, Engine(models, options), NullLogger<BidSuggestionEngine>.Instance);
}
