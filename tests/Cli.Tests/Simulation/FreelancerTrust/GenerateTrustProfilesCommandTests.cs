using iAyos.Messaging.Cli.Simulation.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;
using Xunit;

namespace iAyos.Messaging.Cli.Tests.Simulation.FreelancerTrust;

public sealed class GenerateTrustProfilesCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trust-cmd-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Writes_the_profiles_as_json_lines_and_prints_their_truth()
    {
        var path = Path.Combine(_directory, "nested", "trust.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await IayosCommand.InvokeAsync(
            [GenerateTrustProfilesCommand.Name, "--count", "120", "--seed", "3", "--as-of", "2026-06-30", "--out", path], output, error);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("", error.ToString());
        var read = TrustProfileFile.Read(path);
        Assert.Equal(120, read.Count);
        Assert.All(read, p => Assert.Equal(new DateOnly(2026, 6, 30), p.AsOf));
        Assert.All(read, p => Assert.NotNull(p.TrueProbability));
        var expected = FreelancerProfileGenerator.Generate(new FreelancerProfileGeneratorOptions { Count = 120, Seed = 3, AsOf = new DateOnly(2026, 6, 30) });
        Assert.Equal(expected.Select(p => p.Labelled.Id), read.Select(p => p.Id));
        Assert.Contains("Wrote 120 profiles", output.ToString());
        Assert.Contains(FreelancerTrustTruth.Summarize(expected).ToString(), output.ToString());
    }

    [Theory]
    [InlineData("--count", "0", "--count must be between 1 and 1000000.")]
    [InlineData("--seed", "x", "--seed must be a whole number.")]
    [InlineData("--as-of", "2026-13-01", "--as-of 2026-13-01 is not a date (yyyy-MM-dd).")]
    public async Task Bad_arguments_exit_2_naming_the_option_and_write_nothing(string option, string value, string message)
    {
        var path = Path.Combine(_directory, "trust.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await IayosCommand.InvokeAsync([GenerateTrustProfilesCommand.Name, option, value, "--out", path], output, error);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains($"iayos {GenerateTrustProfilesCommand.Name}: {message}", error.ToString());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Without_an_output_path_it_exits_2()
    {
        var error = new StringWriter();

        var exit = await IayosCommand.InvokeAsync([GenerateTrustProfilesCommand.Name], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("--out", error.ToString());
    }
}
