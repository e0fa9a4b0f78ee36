using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;
using iAyos.Messaging.ScoringWorker.Tests.JobBoard.Recommendations;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests.JobBoard.Recommendations;

/// <summary>
/// GET /api/recommendations/users/{user_id}/jobs end to end: Gateway, RabbitMQ, the ScoringWorker's own queue, the read
/// model, and the job-recommender version activated in the registry; a bad request on the bus goes to the error queue.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class When_job_recommendations_are_asked_for_over_http(Stack stack) : IAsyncLifetime
{
    // Ids of their own: the ScoringWorker's candidate cache outlives a test, so no other test's job may share an id and a version.
    private const long User = 700_001, FirstJob = 700_100;
    private const int Jobs = 12;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stack.RetireActiveVersionsAsync(JobRecommenderKind.KindName);
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync("/api/ml/reload-model", null)).StatusCode);
        var models = stack.Scoring.Services.GetRequiredService<ActiveModels>();
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(models.Get(JobRecommenderKind.KindName) is null), TimeSpan.FromSeconds(15)));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await JobBoardRows.ResetAsync(connection);
    }

    [Fact]
    public async Task The_cold_start_ranking_answers_until_a_version_is_active_and_then_the_network_does()
    {
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await JobBoardRows.ResetAsync(connection);
        var jobs = Enumerable.Range(0, Jobs).Select(i => new JobFacts(FirstJob + i, $"Engineer {i}", "Build things with sql.", "Acme",
            "Cebu", i % 2 == 0 ? ["python", "sql"] : ["react"], null, 50_000, "full_time", "mid")).ToList();
        foreach (var job in jobs)
            await JobBoardRows.JobAsync(connection, job, JobBoardRows.Now.AddDays(-10).AddMinutes(job.JobId - FirstJob));
        var profile = new UserFacts(User, ["python"], "Cebu", "mid", null);
        await JobBoardRows.UserAsync(connection, profile);
        await JobBoardRows.InteractionAsync(connection, User, FirstJob, InteractionKinds.Applied, JobBoardRows.Now.AddDays(-1));
        var url = $"/api/recommendations/users/{User}/jobs?k=4";

        var cold = await stack.Http.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal("content", cold.GetProperty("mode").GetString());
        Assert.Equal("no_active_model", cold.GetProperty("fallback").GetString());
        Assert.Equal(Jobs - 1, cold.GetProperty("candidates").GetInt32());
        Assert.Equal(4, cold.GetProperty("recommendations").GetArrayLength());
        Assert.Equal(["python"], cold.GetProperty("recommendations")[0].GetProperty("matched_skills").EnumerateArray().Select(s => s.GetString()));

        var extractor = SkillExtractor.Fit(jobs);
        var spec = new JobRecommenderSpec
        {
            UserIds = [User],
            JobIds = [.. jobs.Select(j => j.JobId)],
            Locations = ["cebu"],
            Companies = ["acme"],
            Skills = extractor.Vocabulary,
            SkillIdf = [.. extractor.Vocabulary.Select(_ => 1.0)],
            MarkUserSkills = true,
            MarkUserLocation = true,
        };
        var graphs = new JobRecommenderGraphs(spec);
        var version = await RegisterAndActivateAsync(graphs.Graph(), spec);

        var served = await stack.Http.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal("convfm", served.GetProperty("mode").GetString());
        Assert.Equal(version, served.GetProperty("model_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, served.GetProperty("fallback").ValueKind);
        var candidates = jobs.Skip(1).ToList();
        var rows = JobRecommenderInputs.ForUser(spec, EncodedUser.From(spec, User, profile), [.. candidates.Select(j => EncodedJob.From(spec, j))]);
        var expected = candidates.Select((j, r) => (j.JobId, Score: graphs.Forward(rows, r))).OrderByDescending(x => x.Score).Take(4).ToList();
        var items = served.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(expected.Select(x => x.JobId), items.Select(i => i.GetProperty("job_id").GetInt64()));
        for (var i = 0; i < items.Count; i++)
            Assert.Equal(expected[i].Score, items[i].GetProperty("score").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task A_request_with_a_k_out_of_range_goes_to_the_error_queue_with_its_reason_and_the_next_is_answered()
    {
        var bus = stack.Gateway.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var endpoint = await bus.GetSendEndpoint(QueueNames.Address(QueueNames.UserJobRecommendations));

        await endpoint.Send(new RecommendJobsForUser { UserId = User, K = 0 }, context => context.MessageId = messageId);

        var dead = await TestInfrastructure.FindInErrorQueueAsync(QueueNames.UserJobRecommendations + "_error", messageId.ToString());
        Assert.NotNull(dead);
        Assert.Contains("k:", Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["MT-Fault-Message"]!));
        var next = await stack.Http.GetAsync($"/api/recommendations/users/{User}/jobs?k={UserJobRecommendationsConsumer.MaxK}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private async Task<int> RegisterAndActivateAsync(byte[] graph, JobRecommenderSpec spec)
    {
        await using var db = TestInfrastructure.Database();
        var registry = new ModelRegistry(db);
        var name = $"{JobRecommenderKind.KindName}-{Guid.NewGuid():N}.onnx";
        var path = Path.Combine(TestInfrastructure.ArtifactsDirectory, name);
        await File.WriteAllBytesAsync(path, graph);
        var version = await registry.RegisterAsync(
            new ModelVersionDraft(JobRecommenderKind.KindName, name, await ModelArtifacts.Sha256Async(path, CancellationToken.None), spec.ToJson(), "{}", "test"),
            CancellationToken.None);
        await registry.ActivateAsync(JobRecommenderKind.KindName, version, "test", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync("/api/ml/reload-model", null)).StatusCode);
        var models = stack.Scoring.Services.GetRequiredService<ActiveModels>();
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(models.Get(JobRecommenderKind.KindName)?.Version == version), TimeSpan.FromSeconds(15)),
            $"The ScoringWorker did not load {JobRecommenderKind.KindName} v{version}.");
        return version;
    }
}
