using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Cli.Simulation.FreelancerTrust;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests.FreelancerTrust;

/// <summary>
/// Generated profiles in the TrainingWorker's data directory, the trust model trained through the Gateway and RabbitMQ
/// (embedded by the worker's real MiniLM encoder), registered and activated; then evaluate-trust answered by the
/// InferenceWorker from that version, with the indicators and reasons computed from the submitted projects.
/// </summary>
[Collection(StackCollection.Name)]
public class When_the_trust_model_is_trained_and_asked(Stack stack, ITestOutputHelper output) : IAsyncLifetime
{
    private const string File = "trust-profiles-integration.jsonl";

    public Task InitializeAsync()
    {
        var profiles = FreelancerProfileGenerator.Generate(new FreelancerProfileGeneratorOptions { Count = 240, Seed = 7 });
        TrustProfileFile.Write(Path.Combine(TestInfrastructure.DataDirectory, File), FreelancerProfileGenerator.Labelled(profiles));
        return stack.RetireActiveVersionsAsync(FreelancerTrustKind.KindName);
    }

    /// <summary>Other tests expect the threshold rules: retire what this run activated.</summary>
    public Task DisposeAsync() => stack.RetireActiveVersionsAsync(FreelancerTrustKind.KindName);

    [Fact]
    public async Task Should_answer_from_the_trained_version_with_indicators_and_reasons()
    {
        await stack.EnsureInferenceRunningAsync();

        var response = await stack.Admin.PostAsJsonAsync("/api/ml/train-trust-model", new { csv_file = File, epochs = 3 });
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
        var version = run.GetProperty("registered_version").GetInt32();
        var samples = run.GetProperty("samples");
        Assert.Equal(240, samples.GetProperty("train").GetInt32() + samples.GetProperty("validation").GetInt32() + samples.GetProperty("test").GetInt32());
        Assert.InRange(run.GetProperty("metrics").GetProperty("test.served_accuracy").GetDouble(), 0, 1);

        var profile = new
        {
            bio = "Electrician in Davao: I rewired 35 houses and installed 12 solar systems since 2022, all passing inspection.",
            skills = new[] { "conduit wiring", "solar panels", "Kubernetes" },
            projects = new object[]
            {
                new { title = "Solar install", description = "12 rooftop systems.", technologies = new[] { "solar panels" }, start_date = "2024-01-01", end_date = "2024-07-01", link = "https://example.com/solar" },
                new { title = "House rewiring", description = "35 houses.", technologies = new[] { "conduit wiring" }, start_date = "2024-03-01", end_date = "2024-09-01" },
                new { title = "Panel upgrades", description = "Shops.", technologies = new[] { "conduit wiring" }, start_date = "2024-05-01", end_date = "2024-10-01" },
            },
        };
        JsonElement answer = default;
        var fromModel = await TestInfrastructure.EventuallyAsync(async () =>
        {
            var evaluated = await stack.Http.PostAsJsonAsync("/api/ml/evaluate-trust", profile);
            answer = await evaluated.Content.ReadFromJsonAsync<JsonElement>();
            return evaluated.StatusCode == HttpStatusCode.OK && answer.GetProperty("source").GetString() == "model"
                   && answer.GetProperty("model_version").GetInt32() == version;
        }, TimeSpan.FromSeconds(30));
        output.WriteLine(answer.ToString());
        Assert.True(fromModel, $"the InferenceWorker should answer from v{version}: {answer}");
        var probability = answer.GetProperty("trust_probability").GetDouble();
        Assert.InRange(probability, 0, 1);
        Assert.Equal(Math.Round(probability * 100, 1), answer.GetProperty("trust_score").GetDouble(), 1);
        Assert.Equal(probability >= 0.5 ? "trustworthy" : "risky", answer.GetProperty("label").GetString());
        var indicators = answer.GetProperty("indicators");
        Assert.Equal(3, indicators.GetProperty("num_projects").GetInt32());
        Assert.Equal(3, indicators.GetProperty("overlap_count").GetInt32());
        var reasons = answer.GetProperty("flags").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("reason").GetString());
        Assert.Equal("3 projects overlap in 2024 (3 overlapping pairs in all)", reasons[TrustFlags.OverlappingProjects]);
        Assert.Equal("1 of 3 projects has a link", reasons[TrustFlags.FewLinks]);
    }
}
