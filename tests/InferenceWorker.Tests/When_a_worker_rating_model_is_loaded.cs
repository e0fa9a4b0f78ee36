using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.WorkerRating;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>A rating request is answered from several model rows (the request and its profile changes): the score from
/// the first, each suggestion's gain from re-scoring its changed profile, on the single path and the batch paths.</summary>
public class When_a_worker_rating_model_is_loaded
{
    private static readonly WorkerRatingFeatureSpec Spec = new()
    {
        Configuration = WorkerRatingConfigurations.Served, Features = ["profile_completion", "bio_length", "is_active"],
    };

    /// <summary>score = sigmoid(2 x completion + 0.6 x bio/500 + 0.5 x active - 1).</summary>
    private static OnnxSession Model() => OnnxSession.FromBytes(new OnnxGraphBuilder("rating").AddInput("features", null, 3)
        .AddInitializer("w", [2f, 0.6f, 0.5f], 3, 1).AddInitializer("b", [-1f], 1)
        .AddNode("Gemm", ["features", "w", "b"], ["z"]).AddNode("Sigmoid", ["z"], ["score"])
        .AddOutput("score", null, 1).ToModelBytes());

    private static double Score(double logit) => Math.Round(100 / (1 + Math.Exp(-logit)), 1);

    private static async Task<InferenceHarness> StartWithModel(BatchingMode mode)
    {
        var inference = await InferenceHarness.StartAsync(mode);
        inference.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(WorkerRatingKind.KindName, 4, "sha", Model(), DateTimeOffset.UtcNow, Spec));
        return inference;
    }

    [Theory]
    [InlineData(BatchingMode.Off)]
    [InlineData(BatchingMode.Micro)]
    [InlineData(BatchingMode.Bus)]
    public async Task Should_suggest_the_changes_the_model_rescores_higher_most_points_first(BatchingMode mode)
    {
        await using var inference = await StartWithModel(mode);
        var client = inference.Client<PredictWorkerRating>();

        // Half complete, no bio, inactive: logit 0. Also different requests in flight at once, so batches mix them.
        var requests = new[]
        {
            new PredictWorkerRating { ProfileCompletion = 50, BioLength = 0, IsActive = false },
            new PredictWorkerRating { ProfileCompletion = 100, BioLength = 500, IsActive = true },
        };
        var responses = await Task.WhenAll(requests.Select(r => client.GetResponse<WorkerRatingPrediction>(r)));
        var p = responses[0].Message;

        Assert.Equal("model", p.Source);
        Assert.Equal(4, p.ModelVersion);
        Assert.Equal(50.0, p.ProfileScore);
        // complete_profile +1.0 logit, bio_500 +0.6, become_active +0.5; rate/certification/specialization are not inputs: no gain, not offered.
        Assert.Equal(["complete_profile", "bio_500", "become_active"], p.SuggestedChanges.Select(c => c.Change));
        Assert.Equal([Math.Round(Score(1) - 50, 1), Math.Round(Score(0.6) - 50, 1), Math.Round(Score(0.5) - 50, 1)], p.SuggestedChanges.Select(c => c.Gain));
        Assert.Equal(p.SuggestedChanges.Select(c => c.Text), p.ImprovementSuggestions);

        var complete = responses[1].Message;
        Assert.Equal(Score(2 + 0.6 + 0.5 - 1), complete.ProfileScore);
        Assert.Empty(complete.SuggestedChanges); // nothing left that the model scores higher
    }

    [Theory]
    [InlineData(QueueNames.PredictBatch, BatchingMode.Micro)]
    // The Gateway coalesces single requests into batches on the kind's own queue, beside single requests or bus batches.
    [InlineData(WorkerRatingKind.QueueName, BatchingMode.Micro)]
    [InlineData(WorkerRatingKind.QueueName, BatchingMode.Bus)]
    public async Task Should_answer_a_batch_request_with_each_rows_own_suggestions(string queue, BatchingMode mode)
    {
        await using var inference = await StartWithModel(mode);

        var batch = (await inference.ClientTo<PredictBatch<PredictWorkerRating>>(queue).GetResponse<PredictionBatch<WorkerRatingPrediction>>(new PredictBatch<PredictWorkerRating>
        {
            Rows =
            [
                new PredictWorkerRating { ProfileCompletion = 100, BioLength = 0, IsActive = true },
                new PredictWorkerRating { ProfileCompletion = 50, BioLength = 500, IsActive = true },
            ],
        })).Message.Predictions;

        Assert.Equal(2, batch.Count);
        Assert.Equal(["bio_500"], batch[0].SuggestedChanges.Select(c => c.Change));
        Assert.Equal(Math.Round(Score(2 + 0.6 + 0.5 - 1) - Score(2 + 0.5 - 1), 1), batch[0].SuggestedChanges[0].Gain);
        Assert.Equal(["complete_profile"], batch[1].SuggestedChanges.Select(c => c.Change));
        Assert.Equal(Score(1 + 0.6 + 0.5 - 1), batch[1].ProfileScore);
    }
}
