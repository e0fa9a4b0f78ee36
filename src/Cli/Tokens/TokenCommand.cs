using System.CommandLine;
using iAyos.Messaging.Platform.Security;
using Microsoft.Extensions.Configuration;

namespace iAyos.Messaging.Cli.Tokens;

/// <summary>
/// <c>iayos token --role admin [--subject NAME] [--hours N]</c>: mints a bearer token for the Gateway with the
/// configured <c>Auth</c> section (appsettings.json beside the tool, then the environment: <c>Auth__SigningKey</c>)
/// and prints only the token, so scripts can capture it: <c>TOKEN=$(iayos token --role admin)</c>.
/// </summary>
public static class TokenCommand
{
    public const string Name = "token";

    public static Command Create()
    {
        var role = new Option<string[]>("--role")
        {
            Description = $"A role the token carries ({AccessTokens.AdminRole} for training, activation, reload and recompute); repeat for several.",
            HelpName = "ROLE",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        role.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>() is { } roles && roles.Any(string.IsNullOrWhiteSpace))
                result.AddError("--role must not be empty.");
        });
        var subject = new Option<string>("--subject")
        {
            Description = "Who the token is for: its 'sub', recorded as who trained or activated, and the rate limiter's client.",
            HelpName = "NAME",
            DefaultValueFactory = _ => "iayos-cli",
        };
        subject.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
                result.AddError("--subject must not be empty.");
        });
        var hours = CliOptions.Number("--hours", 24, 1, 24 * 366, "--hours must be between 1 and 8784.", "How long the token is valid.");
        var command = new Command(Name, "Prints a signed bearer token for the Gateway (the signing key comes from Auth__SigningKey).")
        {
            role, subject, hours,
        };
        command.SetAction(parse => Run(parse.GetValue(role)!, parse.GetValue(subject)!, parse.GetValue(hours), parse));
        return command;
    }

    private static int Run(string[] roles, string subject, int hours, ParseResult parse)
    {
        var options = CliHost.CreateBuilder().Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (options.Problem() is { } problem)
        {
            parse.InvocationConfiguration.Error.WriteLine($"{IayosCommand.Name} {Name}: {problem}");
            return ExitCodes.Failed;
        }
        parse.InvocationConfiguration.Output.WriteLine(AccessTokens.Mint(options, subject.Trim(), roles.Select(r => r.Trim()).Distinct(), TimeSpan.FromHours(hours)));
        return ExitCodes.Ok;
    }
}
