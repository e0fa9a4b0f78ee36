using System.CommandLine;
using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Cli.Evaluation.JobBoard;
using iAyos.Messaging.Cli.GatewayApi;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Cli.Tokens;
using iAyos.Messaging.Cli.Train;

namespace iAyos.Messaging.Cli;

/// <summary>The <c>iayos</c> root command and how every subcommand is run.</summary>
public static class IayosCommand
{
    public const string Name = "iayos";

    public static RootCommand Create() => new("iAyos.Messaging's command-line tool: demo data, local training, a running gateway, its tokens.")
    {
        SeedDemoCommand.Create(),
        GenerateMarketplaceCommand.Create(),
        Simulation.JobBoard.SeedJobBoardCommand.Create(),
        Simulation.FreelancerTrust.GenerateTrustProfilesCommand.Create(),
        EvaluateMarketplaceCommand.Create(),
        EvaluateJobBoardCommand.Create(),
        Evaluation.FreelancerTrust.EvaluateTrustCommand.Create(),
        TrainCommand.Create(),
        StatusCommand.Create(),
        PredictCommand.Create(),
        TokenCommand.Create(),
    };

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        InvokeAsync(Create(), args, output, error, ct);

    /// <summary>
    /// Bad arguments exit 2 (scripts tell them from a failed run, 1) with every problem on one line each;
    /// System.CommandLine's own error action would answer 1 and print the whole help.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            var command = result.CommandResult.Command is RootCommand ? Name : $"{Name} {result.CommandResult.Command.Name}";
            foreach (var problem in result.Errors)
                await error.WriteLineAsync($"{command}: {problem.Message}");
            await error.WriteLineAsync($"Run '{command} --help' for usage.");
            return ExitCodes.BadArguments;
        }
        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}
