using System.Text.Json;
using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Cli.Tests.Train;

public class CleaningTrainCommandTests
{
    [Theory]
    [InlineData("cleaner-match")]
    [InlineData("cleaning-bid")]
    public async Task Trains_on_a_synthetic_marketplace_and_writes_the_model_its_spec_and_its_metadata(string kind)
    {
        var output = Directory.CreateTempSubdirectory("iayos-train-cli-").FullName;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await IayosCommand.InvokeAsync(["train", "--kind", kind, "--jobs", "800", "--cleaners", "40", "--clients", "100", "--seed", "3",
            "--epochs", "3", "--out", output], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("synthetic marketplace: 800 jobs, 40 cleaners, 100 clients (seed 3)", stdout.ToString());
        Assert.Contains("epoch 3/3", stderr.ToString()); // the progress lines
        var features = await File.ReadAllTextAsync(Path.Combine(output, "features.json"));
        if (kind == CleanerMatchKind.KindName)
        {
            var spec = CleanerMatchSpec.Parse(features);
            Assert.InRange(spec.CleanerIds.Count, 1, 40);
            Assert.InRange(spec.ClientIds.Count, 1, 100);
        }
        else
        {
            BidModelSpec.Parse(features);
        }
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metadata.json")));
        Assert.Equal(kind, metadata.RootElement.GetProperty("kind").GetString());
        Assert.True(metadata.RootElement.GetProperty("metrics").GetProperty("test_rows").GetDouble() > 0);
        Assert.True(new FileInfo(Path.Combine(output, "model.onnx")).Length > 1000);
    }

    [Theory]
    [InlineData(new[] { "train", "--kind", "cleaner-match", "--csv", "/etc/hostname" }, "trains on a synthetic marketplace")]
    [InlineData(new[] { "train", "--kind", "cleaning-bid", "--jobs", "0" }, "--jobs must be between 1 and 1000000")]
    public async Task Bad_arguments_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var stderr = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(args, new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString());
    }
}
