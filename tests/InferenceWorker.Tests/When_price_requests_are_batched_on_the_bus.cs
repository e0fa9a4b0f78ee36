using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Consumers;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>The same answers in every batching mode: each request gets its own row's prediction, bad ones fault alone.</summary>
public class When_price_requests_are_batched_on_the_bus
{
    /// <summary>log prices = ln(1001), ln(2001), ln(1501) + title length / 100 (feature 0): answers differ per title.</summary>
    private static byte[] TitleLengthModel()
    {
        var w = new float[PriceFeatureSpec.SeedFeatureCount * 3];
        w[0] = w[1] = w[2] = 1;
        return new OnnxGraphBuilder("price")
            .AddInput("features", null, PriceFeatureSpec.SeedFeatureCount)
            .AddInitializer("w", w, PriceFeatureSpec.SeedFeatureCount, 3)
            .AddInitializer("b", [(float)Math.Log(1001), (float)Math.Log(2001), (float)Math.Log(1501)], 3)
            .AddNode("Gemm", ["features", "w", "b"], ["prices"])
            .AddOutput("prices", null, 3)
            .ToModelBytes();
    }

    private static async Task<InferenceHarness> StartWithModel(BatchingMode mode)
    {
        var inference = await InferenceHarness.StartAsync(mode);
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(PriceBudgetKind.KindName, 3, "sha",
            OnnxSession.FromBytes(TitleLengthModel()), DateTimeOffset.UtcNow, new PriceFeatureSpec { Categories = ["Plumbing"] }));
        return inference;
    }

    [Theory]
    [InlineData(BatchingMode.Off)]
    [InlineData(BatchingMode.Micro)]
    [InlineData(BatchingMode.Bus)]
    public async Task Each_of_many_concurrent_requests_gets_its_own_prediction(BatchingMode mode)
    {
        await using var inference = await StartWithModel(mode);
        var client = inference.Client<PredictPrice>();

        var titles = Enumerable.Range(1, 30).Select(i => new string('x', i) + " sink").ToList();
        var responses = await Task.WhenAll(titles.Select(t => client.GetResponse<PricePrediction>(new PredictPrice { Title = t, CategoryId = 1 })));

        for (var i = 0; i < titles.Count; i++)
        {
            var p = responses[i].Message;
            var shift = titles[i].Length / 100.0;
            Assert.Equal("model", p.Source);
            Assert.Equal(3, p.ModelVersion);
            Assert.Equal((decimal)Math.Round(Math.Exp(Math.Log(1001) + shift) - 1, 2), p.MinPrice, 0);
            Assert.Equal((decimal)Math.Round(Math.Exp(Math.Log(2001) + shift) - 1, 2), p.MaxPrice, 0);
        }
    }

    [Fact]
    public async Task Bus_batches_form_and_an_invalid_request_faults_alone()
    {
        await using var inference = await StartWithModel(BatchingMode.Bus);
        var client = inference.Client<PredictPrice>();

        var good = Enumerable.Range(1, 10).Select(i => client.GetResponse<PricePrediction>(new PredictPrice { Title = $"Fix sink {i}", CategoryId = 1 })).ToList();
        var bad = client.GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", Urgency = "ASAP" });

        var fault = await Assert.ThrowsAsync<RequestFaultException>(() => bad);
        Assert.Contains("urgency", Assert.Single(fault.Fault!.Exceptions).Message);
        Assert.All(await Task.WhenAll(good), r => Assert.Equal("model", r.Message.Source));
        Assert.True(await inference.Harness.GetConsumerHarness<BusBatchPredictConsumer<PredictPrice, PricePrediction>>().Consumed.Any<Batch<PredictPrice>>());
    }

    [Fact]
    public async Task Bus_batching_answers_from_the_fallback_when_no_model_is_active()
    {
        await using var inference = await InferenceHarness.StartAsync(BatchingMode.Bus);

        var response = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        Assert.Equal("fallback", response.Message.Source);
        Assert.Equal(1800m, response.Message.SuggestedPrice);
    }
}
