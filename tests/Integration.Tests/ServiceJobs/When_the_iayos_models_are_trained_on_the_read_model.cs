using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

/// <summary>
/// The demo world up.sh seeds (seed 42, 2000 jobs, 120 workers) published as events, folded by the ScoringWorker,
/// then both iAyos kinds trained through the Gateway and RabbitMQ on that read model and served by the InferenceWorker.
/// </summary>
[Collection(StackCollection.Name)]
public class When_the_iayos_models_are_trained_on_the_read_model(Stack stack) : IAsyncLifetime
{
    private ServiceJobReplay _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ServiceJobReplay.CreateAsync(jobs: 2000, workers: 120, seed: 42);
        await _world.PublishAndWaitAsync(stack, _world.Events);
        // A run another test queued may have trained on part of the world while it streamed in: let it finish, then
        // retire what it activated, so these runs are measured against no active version.
        Assert.True(await TestInfrastructure.EventuallyAsync(NoRunPendingAsync, TimeSpan.FromSeconds(120)), "other completion-time and worker-rating runs should finish");
        await stack.RetireActiveVersionsAsync(CompletionTimeKind.KindName);
        await stack.RetireActiveVersionsAsync(WorkerRatingKind.KindName);
    }

    private static async Task<bool> NoRunPendingAsync()
    {
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM ml.training_runs WHERE status IN ('queued', 'running') AND kind = ANY(@Kinds)",
            new { Kinds = new[] { CompletionTimeKind.KindName, WorkerRatingKind.KindName } }) == 0;
    }

    /// <summary>Later tests exercise the estimators: retire what these runs activated, and remove the world.</summary>
    public async Task DisposeAsync()
    {
        await stack.RetireActiveVersionsAsync(CompletionTimeKind.KindName);
        await stack.RetireActiveVersionsAsync(WorkerRatingKind.KindName);
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Should_activate_models_that_beat_their_baselines_and_answer_jobs_and_profiles_from_them()
    {
        await stack.EnsureInferenceRunningAsync();

        // Completion time: better than the category median and the fallback on the same test rows, with a calibrated interval.
        var time = await TrainAsync("/api/ml/train", new { kind = CompletionTimeKind.KindName });
        var metrics = time.GetProperty("metrics");
        double Figure(JsonElement m, string name) => m.GetProperty(name).GetDouble();
        Assert.True(Figure(metrics, "test.mae_hours") < Figure(metrics, "category_median.mae_hours"), metrics.ToString());
        Assert.True(Figure(metrics, "test.mae_hours") < Figure(metrics, "fallback.mae_hours"), metrics.ToString());
        Assert.InRange(Figure(metrics, "test.coverage"), 0.70, 0.80);
        Assert.True(time.GetProperty("activated").GetBoolean(), time.ToString());
        var timeVersion = time.GetProperty("registered_version").GetInt32();

        var completed = _world.World.Jobs.First(j => j.Job.IsCompleted && j.Job.WorkerId is not null).Job;
        var forJob = await EventuallyFromModelAsync(() => stack.Http.PostAsync($"/api/ml/predict-for-job/{completed.Id}", null), timeVersion);
        Assert.Equal(completed.Id, forJob.GetProperty("job_id").GetInt64());
        Assert.Equal("COMPLETED", forJob.GetProperty("job_status").GetString());
        var (lower, hours, upper) = (Figure(forJob, "confidence_interval_lower"), Figure(forJob, "predicted_hours"), Figure(forJob, "confidence_interval_upper"));
        Assert.True(lower < hours && hours < upper, forJob.ToString());
        Assert.Equal(0.75, Figure(forJob, "confidence_level"));

        // Worker rating: the non-leaking model on later client outcomes, suggestions scored by it.
        var rating = await TrainAsync("/api/ml/train-worker-rating-model", new { });
        var ratingMetrics = rating.GetProperty("metrics");
        Assert.True(rating.GetProperty("activated").GetBoolean(), rating.ToString());
        Assert.True(Figure(ratingMetrics, "test.mae") < Figure(ratingMetrics, "baseline.mae"), ratingMetrics.ToString());
        var ratingVersion = rating.GetProperty("registered_version").GetInt32();

        var worker = _world.World.Workers[0].Id;
        var profile = await EventuallyFromModelAsync(() => stack.Http.GetAsync($"/api/ml/worker-rating-for-profile/{worker}"), ratingVersion);
        Assert.Equal(worker, profile.GetProperty("worker_id").GetInt64());
        Assert.InRange(Figure(profile, "profile_score"), 0, 100);
        Assert.True(Figure(profile, "score_interval_lower") < Figure(profile, "profile_score")
                    && Figure(profile, "profile_score") < Figure(profile, "score_interval_upper"), profile.ToString());
        Assert.Equal(0.75, Figure(profile, "confidence_level"));
        var gains = profile.GetProperty("suggested_changes").EnumerateArray().Select(c => c.GetProperty("gain").GetDouble()).ToList();
        Assert.All(gains, g => Assert.True(g > 0));
        Assert.Equal(gains.OrderByDescending(g => g), gains);
        Assert.Equal(profile.GetProperty("suggested_changes").EnumerateArray().Select(c => c.GetProperty("text").GetString()),
            profile.GetProperty("improvement_suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    private async Task<JsonElement> EventuallyFromModelAsync(Func<Task<HttpResponseMessage>> ask, int version)
    {
        JsonElement body = default;
        var served = await TestInfrastructure.EventuallyAsync(async () =>
        {
            var response = await ask();
            if (response.StatusCode != HttpStatusCode.OK) return false;
            body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("source").GetString() == "model" && body.GetProperty("model_version").GetInt32() == version;
        }, TimeSpan.FromSeconds(20));
        Assert.True(served, $"the InferenceWorker should answer from v{version}: {body}");
        return body;
    }

    private async Task<JsonElement> TrainAsync(string route, object body)
    {
        var response = await stack.Admin.PostAsJsonAsync(route, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetGuid();
        JsonElement run = default;
        var finished = await TestInfrastructure.EventuallyAsync(async () =>
        {
            run = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/ml/training-runs/{runId}");
            return run.GetProperty("status").GetString() is "completed" or "failed";
        }, TimeSpan.FromSeconds(180));
        Assert.True(finished, $"run {runId} did not finish: {run}");
        Assert.True(run.GetProperty("status").GetString() == "completed", $"run {runId} failed: {run.GetProperty("error")}");
        return run;
    }
}
