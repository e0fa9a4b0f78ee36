using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests.JobBoard.Training;

/// <summary>
/// A generated job board published as upstream events and folded by the ScoringWorker, then the job recommender trained
/// through the Gateway and RabbitMQ by the TrainingWorker: registered with its label encoders, activated, its progress
/// recorded, and loadable by ONNX Runtime with the int64 inputs the serving side feeds it.
/// </summary>
[Collection(StackCollection.Name)]
public class When_the_job_recommender_is_trained_on_the_read_model(Stack stack, ITestOutputHelper output) : IAsyncLifetime
{
    private GeneratedJobBoard _board = null!;

    public async Task InitializeAsync()
    {
        _board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = 300, Jobs = 600, Seed = 7 });
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await JobBoardReplay.ResetAsync(connection);
        await JobBoardReplay.PublishAndWaitAsync(stack, _board.Events, TimeSpan.FromMinutes(5));
        await stack.RetireActiveVersionsAsync(JobRecommenderKind.KindName);
    }

    /// <summary>Later tests exercise the cold-start rankings: retire what this run activated and empty the board.</summary>
    public async Task DisposeAsync()
    {
        await stack.RetireActiveVersionsAsync(JobRecommenderKind.KindName);
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await JobBoardReplay.ResetAsync(connection);
    }

    [Fact]
    public async Task Should_register_and_activate_a_version_that_ranks_held_out_applications_above_chance()
    {
        var response = await stack.Admin.PostAsJsonAsync("/api/ml/train", new { kind = JobRecommenderKind.KindName, epochs = 8 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetGuid();
        JsonElement run = default;
        var finished = await TestInfrastructure.EventuallyAsync(async () =>
        {
            run = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/ml/training-runs/{runId}");
            return run.GetProperty("status").GetString() is "completed" or "failed";
        }, TimeSpan.FromSeconds(300));
        output.WriteLine(run.ToString());
        Assert.True(finished, $"run {runId} did not finish: {run}");
        Assert.True(run.GetProperty("status").GetString() == "completed", $"run {runId} failed: {run.GetProperty("error")}");
        Assert.True(run.GetProperty("activated").GetBoolean(), run.ToString());

        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        var version = await connection.QuerySingleAsync<(int Version, string FeatureExtractor, string ArtifactPath, string Metrics)>(
            "SELECT version, feature_extractor::text, artifact_path, metrics::text FROM ml.model_versions WHERE kind = @kind AND status = 'active'",
            new { kind = JobRecommenderKind.KindName });
        Assert.Equal(run.GetProperty("registered_version").GetInt32(), version.Version);

        // The label encoders map only the board's own users and jobs; the skills come from its listings.
        var spec = JobRecommenderSpec.Parse(version.FeatureExtractor);
        var users = _board.Snapshot.Users.Select(u => u.UserId).Concat(_board.Snapshot.Interactions.Select(i => i.UserId)).ToHashSet();
        var jobs = _board.Snapshot.Jobs.Select(j => j.Facts.JobId).ToHashSet();
        Assert.NotEmpty(spec.UserIds);
        Assert.All(spec.UserIds, id => Assert.Contains(id, users));
        Assert.All(spec.JobIds, id => Assert.Contains(id, jobs));
        Assert.NotEmpty(spec.Skills);

        // Held out by time and measured through ONNX Runtime as served: better than chance on the planted board.
        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(version.Metrics)!;
        Assert.InRange(metrics["test.served_auc"], 0.6, 1.0);

        // Every epoch of every candidate (two ConvFM batch sizes, two MF decays) is reported, numbered on as one sequence
        // rather than each candidate overwriting the last one's epochs 1, 2, ...
        List<int> epochs = [];
        var reported = await TestInfrastructure.EventuallyAsync(async () =>
        {
            epochs = [.. await connection.QueryAsync<int>("SELECT epoch FROM ml.training_run_epochs WHERE run_id = @runId ORDER BY epoch", new { runId })];
            return epochs.Count > run.GetProperty("epochs_run").GetInt32() && epochs.Count >= 4;
        }, TimeSpan.FromSeconds(30));
        Assert.True(reported, $"epochs reported: {string.Join(", ", epochs)}");
        Assert.Equal(Enumerable.Range(1, epochs.Count), epochs);

        // The graph takes the spec's int64 inputs, as serving feeds them, for known and unknown (0) ids alike.
        using var session = OnnxSession.FromFile(Path.Combine(TestInfrastructure.ArtifactsDirectory, version.ArtifactPath));
        foreach (var input in new[] { spec.UserInput, spec.JobInput, spec.LocationInput, spec.CompanyInput, spec.InputName })
            Assert.Equal(TensorElementType.Int64, session.Inputs.Single(i => i.Name == input).ElementType);
        var candidates = _board.Snapshot.Jobs.Take(20).Select(j => EncodedJob.From(spec, j.Facts)).ToList();
        var profile = _board.Snapshot.Users.First(u => spec.UserIndex(u.UserId) != JobRecommenderSpec.Unknown && u.Skills.Count > 0);
        var rows = JobRecommenderInputs.ForUser(spec, EncodedUser.From(spec, profile.UserId, profile), candidates);
        var unknownUser = JobRecommenderInputs.ForUser(spec, EncodedUser.From(spec, long.MaxValue, null), candidates);
        foreach (var r in new[] { rows, unknownUser })
        {
            var scores = session.Run(new Dictionary<string, OnnxTensor>
            {
                [spec.UserInput] = OnnxTensor.Int64(r.Users, r.Rows),
                [spec.JobInput] = OnnxTensor.Int64(r.Jobs, r.Rows),
                [spec.LocationInput] = OnnxTensor.Int64(r.Locations, r.Rows),
                [spec.CompanyInput] = OnnxTensor.Int64(r.Companies, r.Rows),
                [spec.InputName] = OnnxTensor.Int64(r.Skills, r.Rows, r.MaxSkills),
            }, [spec.OutputName])[0];
            Assert.Equal([r.Rows, 1L], scores.Shape);
            Assert.All(scores.Data, s => Assert.InRange(s, 0f, 1f));
        }
        Assert.Contains(_board.Events.OfType<UserInteracted>(), i => i.Interaction == InteractionKinds.Applied);
    }
}
