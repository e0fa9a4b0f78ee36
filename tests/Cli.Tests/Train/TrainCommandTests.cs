using System.Text.Json;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.Tests.PriceModel;

namespace iAyos.Messaging.Cli.Tests.Train;

public class TrainCommandTests
{
    [Fact]
    public async Task Trains_from_a_csv_and_writes_the_model_its_features_and_its_metadata()
    {
        var output = Directory.CreateTempSubdirectory("iayos-train-cli-").FullName;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync(["train", "--kind", "price", "--csv", SharedData.PhBlueCollarCsv, "--split", SharedData.PhBlueCollarSplit,
            "--epochs", "3", "--out", output], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("350 train, 75 validation, 76 test", stdout.ToString());
        Assert.Contains("epoch 3/3", stderr.ToString()); // the progress bar
        var spec = PriceFeatureSpec.Parse(await File.ReadAllTextAsync(Path.Combine(output, "features.json")));
        Assert.Equal(PriceFeatureConfigurations.Served, spec.Configuration);
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metadata.json")));
        Assert.Equal(3, metadata.RootElement.GetProperty("epochs_run").GetInt32());
        Assert.Equal(76, metadata.RootElement.GetProperty("test").GetProperty("rows").GetInt32());
        Assert.True(new FileInfo(Path.Combine(output, "model.onnx")).Length > 1000);
    }

    [Fact]
    public async Task Trains_worker_rating_from_the_freelancer_csv_and_says_what_cleaning_dropped()
    {
        var output = Directory.CreateTempSubdirectory("iayos-train-cli-").FullName;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync(["train", "--kind", "worker-rating", "--csv", SharedData.FreelancersCsv, "--split", SharedData.FreelancersSplit,
            "--epochs", "3", "--out", output], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("631 of 1000 rows kept; dropped: MissingRating 101, ZeroRating 145, MissingSatisfaction 123", stdout.ToString());
        Assert.Contains("445 train, 85 validation, 101 test", stdout.ToString());
        var spec = WorkerRatingFeatureSpec.Parse(await File.ReadAllTextAsync(Path.Combine(output, "features.json")));
        Assert.DoesNotContain(spec.FeatureNames, name => WorkerRatingFeatures.SnapshotTargetComponents.Contains(name));
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metadata.json")));
        Assert.False(metadata.RootElement.GetProperty("leaking").GetBoolean());
        Assert.True(new FileInfo(Path.Combine(output, "model.onnx")).Length > 100);
    }

    [Theory]
    [InlineData(new[] { "train", "--kind", "price" }, "--csv FILE is required")]
    [InlineData(new[] { "train", "--kind", "completion-time", "--csv", "/etc/hostname" }, "trains on the iAyos read model")]
    [InlineData(new[] { "train", "--kind", "worker-rating", "--split", "/etc/hostname" }, "--split needs a --csv")]
    [InlineData(new[] { "train", "--kind", "trust", "--csv", "x.csv" }, "--kind trust is not trainable")]
    [InlineData(new[] { "train", "--csv", "/no/such/file.csv" }, "no such file")]
    public async Task Bad_arguments_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(args, new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString());
    }

    [Fact]
    public async Task A_bad_number_is_refused()
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(["train", "--csv", SharedData.PhBlueCollarCsv, "--epochs", "many"], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("--epochs must be between 1 and 1000", stderr.ToString());
    }
}
