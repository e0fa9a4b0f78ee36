using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.PriceBudget;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_a_price_model_is_loaded
{
    /// <summary>60 features -> 3 log prices; zero weights, so the bias is the answer: ln(1 + 1000/2000/1500).</summary>
    private static byte[] ConstantPriceModel() => new OnnxGraphBuilder("price")
        .AddInput("features", null, PriceFeatureSpec.SeedFeatureCount)
        .AddInitializer("w", new float[PriceFeatureSpec.SeedFeatureCount * 3], PriceFeatureSpec.SeedFeatureCount, 3)
        .AddInitializer("b", [(float)Math.Log(1001), (float)Math.Log(2001), (float)Math.Log(1501)], 3)
        .AddNode("Gemm", ["features", "w", "b"], ["prices"])
        .AddOutput("prices", null, 3)
        .ToModelBytes();

    [Fact]
    public async Task Should_answer_from_the_model_with_ordered_prices_and_its_version()
    {
        await using var inference = await InferenceHarness.StartAsync();
        var models = inference.Services.GetRequiredService<ActiveModels>();
        models.Put(new LoadedModel(PriceBudgetKind.KindName, 7, "sha", OnnxSession.FromBytes(ConstantPriceModel()), DateTimeOffset.UtcNow,
            new PriceFeatureSpec { Categories = ["Plumbing"], Confidence = 0.7 }));

        var response = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        var p = response.Message;
        Assert.Equal("model", p.Source);
        Assert.Equal(7, p.ModelVersion);
        Assert.Equal(1000m, p.MinPrice, 0);
        Assert.Equal(1500m, p.SuggestedPrice, 0);
        Assert.Equal(2000m, p.MaxPrice, 0);
        Assert.Equal("Plumbing", p.Category); // category_id 1 resolved by name for the model's one-hot
        Assert.Equal(0.7, p.Confidence);
    }

    [Fact]
    public async Task Should_fall_back_when_the_model_does_not_fit_the_features()
    {
        await using var inference = await InferenceHarness.StartAsync();
        var wrongShape = new OnnxGraphBuilder("small").AddInput("features", null, 5).AddNode("Relu", ["features"], ["prices"]).AddOutput("prices", null, 5).ToModelBytes();
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(PriceBudgetKind.KindName, 8, "sha", OnnxSession.FromBytes(wrongShape),
            DateTimeOffset.UtcNow, new PriceFeatureSpec()));

        var response = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        Assert.Equal("fallback", response.Message.Source);
        Assert.Equal(1800m, response.Message.SuggestedPrice);
    }

    [Fact]
    public async Task Should_answer_from_a_served_configuration_model_with_its_own_feature_width()
    {
        var spec = PriceFeatureFitter.FitServed(
            [new PredictPrice { Title = "Fix sink", JobScope = "MINOR_REPAIR", SkillLevel = "ENTRY", WorkEnvironment = "INDOOR", Category = "Plumbing" }],
            hashBuckets: 32);
        var width = spec.FeatureCount;
        // Prices 1000 / 1000 / 3000 whatever the input; the MINOR_REPAIR one-hot (feature 0) lifts the suggested one to 1999.
        var weights = new float[width * 3];
        weights[1] = (float)(Math.Log(2000) - Math.Log(1001));
        var model = new OnnxGraphBuilder("served")
            .AddInput("features", null, width)
            .AddInitializer("w", weights, width, 3)
            .AddInitializer("b", [(float)Math.Log(1001), (float)Math.Log(1001), (float)Math.Log(3001)], 3)
            .AddNode("Gemm", ["features", "w", "b"], ["prices"])
            .AddOutput("prices", null, 3)
            .ToModelBytes();
        await using var inference = await InferenceHarness.StartAsync();
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(PriceBudgetKind.KindName, 9, "sha", OnnxSession.FromBytes(model),
            DateTimeOffset.UtcNow, PriceFeatureSpec.Parse(spec.ToJson())));

        var minor = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1, JobScope = "minor_repair" });
        var unknownScope = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        Assert.Equal("model", minor.Message.Source);
        Assert.Equal(9, minor.Message.ModelVersion);
        Assert.Equal(1999m, minor.Message.SuggestedPrice, 0);
        Assert.Equal(1000m, unknownScope.Message.SuggestedPrice, 0);
    }
}
