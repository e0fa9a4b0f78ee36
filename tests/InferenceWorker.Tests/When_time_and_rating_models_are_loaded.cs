using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.WorkerRating;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_time_and_rating_models_are_loaded
{
    /// <summary>43 features -> one output; zero weights, so the bias is the answer.</summary>
    private static OnnxSession Constant(string output, float value, bool sigmoid = false)
    {
        var graph = new OnnxGraphBuilder("constant").AddInput("features", null, 43)
            .AddInitializer("w", new float[43], 43, 1).AddInitializer("b", [value], 1);
        if (sigmoid)
            graph.AddNode("Gemm", ["features", "w", "b"], ["z"]).AddNode("Sigmoid", ["z"], [output]);
        else
            graph.AddNode("Gemm", ["features", "w", "b"], [output]);
        return OnnxSession.FromBytes(graph.AddOutput(output, null, 1).ToModelBytes());
    }

    [Fact]
    public async Task Should_answer_completion_time_from_the_model()
    {
        await using var inference = await InferenceHarness.StartAsync();
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(CompletionTimeKind.KindName, 5, "sha",
            Constant("log_hours", (float)Math.Log(1 + 6.0)), DateTimeOffset.UtcNow, new CompletionTimeFeatureSpec { Categories = ["Plumbing"] }));

        var p = (await inference.Client<PredictCompletionTime>().GetResponse<CompletionTimePrediction>(new PredictCompletionTime { CategoryId = 1 })).Message;

        Assert.Equal("model", p.Source);
        Assert.Equal(5, p.ModelVersion);
        Assert.Equal(6.0, p.PredictedHours, 2);
        Assert.True(p.ConfidenceIntervalLower < 6.0 && 6.0 < p.ConfidenceIntervalUpper);
    }

    [Fact]
    public async Task Should_answer_worker_rating_from_the_model()
    {
        await using var inference = await InferenceHarness.StartAsync();
        // sigmoid(ln 3) = 0.75 -> 75.0, "Good"
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(WorkerRatingKind.KindName, 2, "sha",
            Constant("score", (float)Math.Log(3), sigmoid: true), DateTimeOffset.UtcNow, new WorkerRatingFeatureSpec()));

        var p = (await inference.Client<PredictWorkerRating>().GetResponse<WorkerRatingPrediction>(new PredictWorkerRating { ProfileCompletion = 40 })).Message;

        Assert.Equal("model", p.Source);
        Assert.Equal(2, p.ModelVersion);
        Assert.Equal(75.0, p.ProfileScore, 1);
        Assert.Equal("Good", p.RatingCategory);
    }
}
