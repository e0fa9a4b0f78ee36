using System.Text.Json;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;
using iAyos.Messaging.Training.Tests.FreelancerTrust;

namespace iAyos.Messaging.Cli.Tests.Evaluation.FreelancerTrust;

/// <summary>The commands on a small planted file, through the real MiniLM encoder and the seed's full-size network (2 epochs).</summary>
public sealed class TrustCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iayos-trust-").FullName;
    private readonly string _profiles;

    public TrustCommandsTests()
    {
        _profiles = Path.Combine(_directory, "profiles.jsonl");
        TrustProfileFile.Write(_profiles, PlantedTrustProfiles.Generate(120, 4, invalid: 1));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Evaluate_trust_prints_the_network_beside_the_rules_the_baselines_the_ablation_and_the_best_achievable()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var report = Path.Combine(_directory, "report.json");

        var exit = await IayosCommand.InvokeAsync(["evaluate-trust", "--profiles", _profiles, "--epochs", "2", "--out", report], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var table = stdout.ToString();
        foreach (var row in new[] { "LSTM (seed)", "LSTM (text-only)", "LSTM (indicators-only)", "rules (p >= 0.5)", "logistic regression", "best achievable" })
            Assert.Contains(row, table);
        Assert.Contains("goal (>= 85% accuracy", table);
        Assert.Contains("projects[].end_date 1", table);
        Assert.Contains("LSTM (seed): epoch 1/2", stderr.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal(6, json.RootElement.GetProperty("models").GetArrayLength());
        // The embeddings are cached beside the file for the next run.
        Assert.True(File.Exists(TrustEmbeddingCache.PathFor(_profiles, "all-MiniLM-L6-v2")));
    }

    [Fact]
    public async Task Train_freelancer_trust_writes_the_model_its_spec_and_its_metadata()
    {
        var output = Path.Combine(_directory, "model");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync(["train", "--kind", "freelancer-trust", "--csv", _profiles, "--epochs", "2", "--out", output], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var spec = TrustFeatureSpec.Parse(await File.ReadAllTextAsync(Path.Combine(output, "features.json")));
        Assert.Equal(384, spec.TextDimensions);
        Assert.Equal("all-MiniLM-L6-v2", spec.Encoder);
        Assert.Equal(TrustConfigurations.Seed, spec.Configuration);
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metadata.json")));
        Assert.Equal(FreelancerTrustKind.KindName, metadata.RootElement.GetProperty("kind").GetString());
        Assert.InRange(metadata.RootElement.GetProperty("metrics").GetProperty("LSTM_seed.accuracy").GetDouble(), 0, 1);
        Assert.True(new FileInfo(Path.Combine(output, "model.onnx")).Length > 1_000_000);
    }

    [Fact]
    public async Task Train_freelancer_trust_without_a_file_says_it_needs_one()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["train", "--kind", "freelancer-trust"], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("needs --csv FILE", stderr.ToString());
    }
}
