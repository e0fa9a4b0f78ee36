using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.Contracts.JobBoard;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Cli.Tests.Simulation.JobBoard;

public sealed class SeedJobBoardCommandTests
{
    [Theory]
    [InlineData("--users", "0", "--users must be between 1 and 1000000.")]
    [InlineData("--jobs", "many", "--jobs must be between 1 and 1000000.")]
    [InlineData("--seed", "1.5", "--seed must be a whole number.")]
    [InlineData("--timeout", "0", "--timeout must be between 1 and 86400 seconds.")]
    [InlineData("--as-of", "yesterday", "--as-of yesterday is not a date.")]
    public async Task Bad_arguments_exit_2_naming_the_option_and_publish_nothing(string option, string value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await IayosCommand.InvokeAsync([SeedJobBoardCommand.Name, option, value], output, error);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains($"iayos {SeedJobBoardCommand.Name}: {message}", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void The_summary_counts_users_jobs_interactions_and_the_application_rate_of_the_board()
    {
        var board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = 120, Jobs = 300, Seed = 3 });

        var summary = JobBoardSummary.Of(board);

        var interactions = board.Events.OfType<UserInteracted>().ToList();
        Assert.Equal(120, summary.Users);
        Assert.Equal(board.Events.OfType<UserProfileUpdated>().Select(p => p.UserId).Distinct().Count(), summary.Profiles);
        Assert.Equal(300, summary.Jobs);
        Assert.Equal(300 - board.Events.OfType<JobClosed>().Count(), summary.OpenJobs);
        Assert.Equal(interactions.Count, summary.Interactions);
        Assert.Equal(interactions.Count(i => i.Interaction == InteractionKinds.Applied) / (double)interactions.Count(i => i.Interaction == InteractionKinds.Viewed),
            summary.ApplicationRate, 12);
        Assert.Equal(interactions.Select(i => i.UserId).Distinct().Count(), summary.ActiveUsers);
        Assert.Contains("application rate", summary.ToString());
    }

    [Fact]
    public async Task Every_event_is_published_as_its_concrete_contract()
    {
        var board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = 20, Jobs = 60, Seed = 4 });
        await using var provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var report = await MarketplacePublisher.PublishAsync(board.Events, harness.Bus, null, CancellationToken.None);

        Assert.Equal(board.Events.Count, report.Published);
        var published = harness.Published.Select(_ => true).ToDictionary(p => ((IJobBoardEvent)p.MessageObject).EventId);
        Assert.All(board.Events, e => Assert.Equal(e.GetType(), published[e.EventId].MessageType));
        Assert.True(await harness.Published.Any<JobListed>());
        Assert.True(await harness.Published.Any<UserInteracted>());
    }
}
