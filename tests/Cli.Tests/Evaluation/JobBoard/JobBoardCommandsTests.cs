using System.Text.Json;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Cli.Tests.Evaluation.JobBoard;

public class JobBoardCommandsTests
{
    private static readonly string[] Short = ["--users", "150", "--jobs", "300", "--seed", "5", "--epochs", "2", "--patience", "1", "--batch-sizes", "256"];

    [Fact]
    public async Task Evaluate_job_board_prints_every_model_beside_the_best_achievable()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var report = Path.Combine(Directory.CreateTempSubdirectory("iayos-evaluate-job-board-").FullName, "report.json");

        var exit = await IayosCommand.InvokeAsync(["evaluate-job-board", .. Short, "--out", report], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var table = stdout.ToString();
        foreach (var row in new[] { "ConvFM", "MF", "popularity", "content", "random", "best achievable" })
            Assert.Contains($"\n  {row} ", table);
        Assert.Contains("ConvFM batch 256 dropout 0.2 l2 0 embedding l2 0: epoch 1/2", stderr.ToString()); // progress per epoch
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal(6, json.RootElement.GetProperty("models").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("test").GetProperty("Applied").GetInt32() > 0);
    }

    [Fact]
    public async Task Train_job_recommender_writes_the_model_its_spec_and_its_metadata()
    {
        var output = Directory.CreateTempSubdirectory("iayos-train-job-recommender-").FullName;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync(["train", "--kind", "job-recommender", .. Short, "--out", output], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var spec = JobRecommenderSpec.Parse(await File.ReadAllTextAsync(Path.Combine(output, "features.json")));
        Assert.InRange(spec.UserIds.Count, 1, 150);
        Assert.NotEmpty(spec.Skills);
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metadata.json")));
        Assert.Equal(JobRecommenderKind.KindName, metadata.RootElement.GetProperty("kind").GetString());
        Assert.InRange(metadata.RootElement.GetProperty("metrics").GetProperty("ConvFM.auc").GetDouble(), 0, 1);
        Assert.True(new FileInfo(Path.Combine(output, "model.onnx")).Length > 1000);
    }

    [Theory]
    [InlineData(new[] { "evaluate-job-board", "--batch-sizes", "32,x" }, "--batch-sizes: 'x' is not a valid value")]
    [InlineData(new[] { "evaluate-job-board", "--dropouts", "1.5" }, "--dropouts: '1.5' is not a valid value")]
    [InlineData(new[] { "train", "--kind", "job-recommender", "--csv", "/etc/hostname" }, "trains on a synthetic job board")]
    public async Task Bad_arguments_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(args, new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString());
    }
}
