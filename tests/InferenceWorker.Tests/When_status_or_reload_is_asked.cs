using System.Security.Cryptography;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_status_or_reload_is_asked
{
    [Fact]
    public async Task Should_report_which_instance_serves_what()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var response = await inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = PriceBudgetKind.KindName });

        Assert.Equal(InferenceHarness.Instance.Id, response.Message.InstanceId);
        Assert.False(response.Message.ModelLoaded);
        Assert.Equal("fallback", response.Message.Source);
        Assert.Equal(1, response.Message.CategoriesKnown);
    }

    [Fact]
    public async Task Should_say_the_model_answers_once_a_version_is_loaded()
    {
        await using var inference = await InferenceHarness.StartAsync();
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(PriceBudgetKind.KindName, 4, "sha",
            OnnxSession.FromBytes(ConstantPriceModel()), DateTimeOffset.UtcNow, new PriceFeatureSpec { Categories = ["Plumbing"] }));

        var status = await inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = PriceBudgetKind.KindName });
        var prediction = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        Assert.True(status.Message.ModelLoaded);
        Assert.Equal(4, status.Message.ActiveVersion);
        // What the status says is what a prediction says.
        Assert.Equal(PredictionSources.Model, prediction.Message.Source);
        Assert.Equal(prediction.Message.Source, status.Message.Source);
    }

    [Fact]
    public async Task Should_load_the_active_version_the_registry_holds_on_reload()
    {
        await using var inference = await InferenceHarness.StartAsync();
        var bytes = ConstantPriceModel();
        await File.WriteAllBytesAsync(Path.Combine(inference.ArtifactsDirectory, "price-v3.onnx"), bytes);
        // Activated while this instance missed the broadcast: only the registry knows.
        inference.Versions.Add(new ModelVersion
        {
            Kind = PriceBudgetKind.KindName, Version = 3, Status = "active", ArtifactPath = "price-v3.onnx",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), FeatureExtractor = new PriceFeatureSpec { Categories = ["Plumbing"] }.ToJson(),
        });
        var before = await inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = PriceBudgetKind.KindName });

        await inference.Harness.Bus.Publish(new ReloadModels { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow });
        // Until the reload has run: the harness's Consumed.Any gives up when the bus looks idle, which a loaded machine can fake.
        Response<ModelStatus> after = null!;
        await Eventually(async () => (after = await inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = PriceBudgetKind.KindName }))
            .Message.ModelLoaded);

        Assert.False(before.Message.ModelLoaded);
        Assert.True(after.Message.ModelLoaded);
        Assert.Equal(3, after.Message.ActiveVersion);
        Assert.Equal(PredictionSources.Model, after.Message.Source);
    }

    [Fact]
    public async Task Should_go_back_to_the_estimator_on_reload_when_the_registry_has_no_active_version()
    {
        await using var inference = await InferenceHarness.StartAsync();
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(PriceBudgetKind.KindName, 5, "sha",
            OnnxSession.FromBytes(ConstantPriceModel()), DateTimeOffset.UtcNow, new PriceFeatureSpec { Categories = ["Plumbing"] }));
        inference.Versions.Add(new ModelVersion { Kind = PriceBudgetKind.KindName, Version = 5, Status = "retired", ArtifactPath = "v5.onnx" });

        await inference.Harness.Bus.Publish(new ReloadModels { RequestId = NewId.NextGuid(), Kind = PriceBudgetKind.KindName, RequestedAt = DateTimeOffset.UtcNow });
        await Eventually(() => Task.FromResult(inference.Services.GetRequiredService<ActiveModels>().Get(PriceBudgetKind.KindName) is null));
        var prediction = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        Assert.Null(inference.Services.GetRequiredService<ActiveModels>().Get(PriceBudgetKind.KindName));
        Assert.Equal(PredictionSources.Fallback, prediction.Message.Source);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_kind()
    {
        await using var inference = await InferenceHarness.StartAsync();

        await Assert.ThrowsAsync<RequestFaultException>(() =>
            inference.Client<GetModelStatus>().GetResponse<ModelStatus>(new GetModelStatus { Kind = "horoscope" }));
    }

    [Fact]
    public async Task Should_refresh_the_categories_on_reload()
    {
        await using var inference = await InferenceHarness.StartAsync();

        await inference.Harness.Bus.Publish(new ReloadModels { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow });
        await Eventually(() => Task.FromResult(inference.Catalog.Refreshes > 0));

        Assert.Equal(1, inference.Catalog.Refreshes);
        Assert.NotNull(inference.Catalog.RefreshedAt);
    }

    /// <summary>60 features -> 3 log prices, all from the bias.</summary>
    private static byte[] ConstantPriceModel() => new OnnxGraphBuilder("price")
        .AddInput("features", null, PriceFeatureSpec.SeedFeatureCount)
        .AddInitializer("w", new float[PriceFeatureSpec.SeedFeatureCount * 3], PriceFeatureSpec.SeedFeatureCount, 3)
        .AddInitializer("b", [7f, 8f, 7.5f], 3)
        .AddNode("Gemm", ["features", "w", "b"], ["prices"])
        .AddOutput("prices", null, 3)
        .ToModelBytes();

    /// <summary>Polls until the condition holds, for at most 30 s; the assertions after it say what was expected.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !await condition()) await Task.Delay(50);
    }
}
