using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace iAyos.Messaging.Cli.GatewayApi;

/// <summary>
/// <c>iayos predict KIND (--json '{...}' | --file body.json | &lt; body.json) [--raw] [--gateway URL]</c>: posts the
/// request to the kind's Gateway endpoint and prints the answer as a table (or the JSON itself with --raw).
/// A 400 ProblemDetails is printed field by field and exits 1.
/// </summary>
public static class PredictCommand
{
    public const string Name = "predict";

    private static IReadOnlyDictionary<string, string> Endpoints => GatewayKinds.PredictPaths;

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = $"What to predict: {string.Join(", ", Endpoints.Keys)}." };
        kind.AcceptOnlyFromAmong([.. Endpoints.Keys]);
        var json = new Option<string>("--json") { Description = "The request body.", HelpName = "JSON" };
        var file = new Option<string>("--file") { Description = "A file holding the request body.", HelpName = "FILE" };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && !File.Exists(path))
                result.AddError($"--file {path}: no such file.");
        });
        var raw = new Option<bool>("--raw") { Description = "Print the answer's JSON as it came." };
        var gateway = GatewayClient.Option();
        var command = new Command(Name, "Asks a running Gateway for a prediction.") { kind, json, file, raw, gateway };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) is not null && result.GetValue(file) is not null)
                result.AddError("Give the body with --json or --file, not both.");
        });
        command.SetAction(async (parse, ct) =>
        {
            var body = parse.GetValue(json)
                ?? (parse.GetValue(file) is { } path ? await File.ReadAllTextAsync(path, ct)
                : Console.IsInputRedirected ? await Console.In.ReadToEndAsync(ct) : null);
            return await RunAsync(parse.GetValue(kind)!, body, parse.GetValue(raw), parse.GetValue(gateway)!, parse, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string kind, string? body, bool raw, Uri address, ParseResult parse, CancellationToken ct)
    {
        var error = parse.InvocationConfiguration.Error;
        var prefix = $"{IayosCommand.Name} {Name}";
        if (string.IsNullOrWhiteSpace(body))
        {
            await error.WriteLineAsync($"{prefix}: give the request body with --json, --file or on standard input.");
            return ExitCodes.BadArguments;
        }
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            await error.WriteLineAsync($"{prefix}: the request body is not JSON ({ex.Message}).");
            return ExitCodes.BadArguments;
        }

        using var client = new GatewayClient(address);
        GatewayAnswer answer;
        try
        {
            answer = await client.PostJsonAsync(Endpoints[kind], body, ct);
        }
        catch (GatewayUnreachableException ex)
        {
            await error.WriteLineAsync($"{prefix}: {ex.Message}");
            return ExitCodes.Failed;
        }

        using var json = answer.Json();
        if (!answer.IsSuccess)
        {
            await error.WriteLineAsync($"{prefix}: {Endpoints[kind]} answered {(int)answer.Status}.");
            if (json is not null)
                await WriteProblemAsync(json.RootElement, error);
            else if (answer.Body.Length > 0)
                await error.WriteLineAsync(answer.Body);
            return ExitCodes.Failed;
        }
        if (raw || json is not { RootElement.ValueKind: JsonValueKind.Object })
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(answer.Body);
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns("Field", "Value");
        foreach (var field in json.RootElement.EnumerateObject())
            table.AddRow(Markup.Escape(field.Name), Markup.Escape(field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText()));
        parse.Output().Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>RFC 7807: the title and detail, then each field's errors (the Gateway names the field).</summary>
    private static async Task WriteProblemAsync(JsonElement problem, TextWriter error)
    {
        foreach (var name in (string[])["title", "detail"])
        {
            if (problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                await error.WriteLineAsync($"  {value.GetString()}");
        }
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(m => m.ToString())
                    : [field.Value.ToString()];
                await error.WriteLineAsync($"  {field.Name}: {string.Join(" ", messages)}");
            }
        }
    }
}
