using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.Text;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>A trust request is read by the worker's real sentence encoder and the indicators computed from its projects;
/// the model's row is [embedding | standardized indicators], the answer carries the indicators and the flags.</summary>
public class When_a_trust_request_arrives
{
    private const string Anchor = "Licensed electrician: I rewired 40 Quezon City homes and passed every inspection.";

    private static readonly EvaluateTrust Profile = new()
    {
        Bio = Anchor,
        Skills = ["Electrical wiring"],
        Projects =
        [
            new TrustProject { Title = "Rewiring", StartDate = new DateOnly(2023, 1, 1), EndDate = new DateOnly(2023, 6, 1), Technologies = ["Electrical wiring"] },
            new TrustProject { Title = "Panel upgrade", StartDate = new DateOnly(2023, 3, 1), EndDate = new DateOnly(2023, 9, 1), Link = "https://example.com/panel" },
        ],
    };

    /// <summary>trust = sigmoid(anchor embedding . text step + 0.5 x standardized num_projects): the first term is the
    /// cosine between the anchor and the request's text, so it is 1 only when the worker encoded the same text.</summary>
    private static OnnxSession Model(float[] anchor)
    {
        var weights = new float[768];
        anchor.CopyTo(weights, 0);
        weights[384] = 0.5f;
        return OnnxSession.FromBytes(new OnnxGraphBuilder("trust").AddInput("profile", null, 768)
            .AddInitializer("w", weights, 768, 1).AddInitializer("b", [0f], 1)
            .AddNode("Gemm", ["profile", "w", "b"], ["z"]).AddNode("Sigmoid", ["z"], ["trust_probability"])
            .AddOutput("trust_probability", null, 1).ToModelBytes());
    }

    private static readonly TrustFeatureSpec Spec = new() { IndicatorMeans = [1, 0, 0, 0, 0, 0], IndicatorScales = [1, 1, 1, 1, 1, 1] };

    [Fact]
    public async Task Without_a_model_the_seeds_rules_should_answer_with_the_indicators_and_flags()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var answer = (await inference.Client<EvaluateTrust>().GetResponse<TrustEvaluation>(Profile)).Message;

        Assert.Equal(PredictionSources.Fallback, answer.Source);
        Assert.Equal(2, answer.Indicators.NumProjects);
        Assert.Equal(1, answer.Indicators.OverlapCount);
        Assert.Equal(0.5, answer.Indicators.ProjectLinkRatio);
        // 2 projects, 0.7 years, 1 overlap, 5.5-month average, full consistency, half linked: 4 of 6 checks.
        Assert.Equal(Math.Round(4 / 6.0, 4), answer.TrustProbability);
        Assert.Contains(answer.Flags, f => f is { Code: TrustFlags.OverlappingProjects, Reason: "2 projects overlap in 2023" });
    }

    [Theory]
    [InlineData(BatchingMode.Off)]
    [InlineData(BatchingMode.Micro)]
    [InlineData(BatchingMode.Bus)]
    public async Task The_model_should_read_the_encoders_embedding_of_the_profile_and_its_indicators(BatchingMode mode)
    {
        await using var inference = await InferenceHarness.StartAsync(mode);
        var encoder = inference.Services.GetRequiredService<ITextEmbedder>();
        var anchor = encoder.Embed([Anchor])[0];
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(FreelancerTrustKind.KindName, 2, "sha", Model(anchor), DateTimeOffset.UtcNow, Spec));
        var client = inference.Client<EvaluateTrust>();

        var same = (await client.GetResponse<TrustEvaluation>(Profile)).Message;
        var vague = (await client.GetResponse<TrustEvaluation>(Profile with { Bio = "Hard-working and passionate, I always deliver quality." })).Message;

        Assert.Equal((PredictionSources.Model, 2), (same.Source, same.ModelVersion));
        // The text is the bio then each project's title: cosine near 1 with the anchor, plus 0.5 x (2 - 1).
        var cosine = Math.Log(same.TrustProbability / (1 - same.TrustProbability)) - 0.5;
        Assert.InRange(cosine, 0.8, 1.0);
        Assert.True(vague.TrustProbability < same.TrustProbability - 0.05, $"vague {vague.TrustProbability} vs {same.TrustProbability}");
        Assert.Equal(same.Indicators, vague.Indicators);
        Assert.Equal(same.TrustProbability >= 0.5 ? TrustLabels.Trustworthy : TrustLabels.Risky, same.Label);
    }
}
