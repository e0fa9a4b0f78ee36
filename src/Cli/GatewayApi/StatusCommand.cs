using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace iAyos.Messaging.Cli.GatewayApi;

/// <summary>
/// <c>iayos status [--gateway URL]</c>: every model kind's active version (<c>GET /api/models</c>) and, for the kinds
/// an InferenceWorker serves, what it has loaded and the latest training run (the three status endpoints).
/// </summary>
public static class StatusCommand
{
    public const string Name = "status";

    public static Command Create()
    {
        var gateway = GatewayClient.Option();
        var command = new Command(Name, "Shows each model kind's active version, what is loaded and the latest training run.") { gateway };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(gateway)!, parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(Uri address, ParseResult parse, CancellationToken ct)
    {
        using var client = new GatewayClient(address);
        try
        {
            var models = await client.GetAsync("/api/models", ct);
            if (!models.IsSuccess || models.Json() is not { RootElement.ValueKind: JsonValueKind.Array } list)
                return await FailAsync(parse, $"GET /api/models answered {(int)models.Status}.");
            using (list)
            {
                var table = new Table().AddColumns("Kind", "Active version", "Model loaded", "Source", "Latest training run");
                foreach (var model in list.RootElement.EnumerateArray())
                {
                    var kind = Text(model, "kind");
                    var (loaded, source, run) = ("-", "-", "-");
                    if (GatewayKinds.StatusPaths.TryGetValue(kind, out var path))
                    {
                        var status = await client.GetAsync(path, ct);
                        using var json = status.IsSuccess ? status.Json() : null;
                        if (json is null)
                            (loaded, source, run) = ("?", $"GET {path} answered {(int)status.Status}", "?");
                        else
                        {
                            var root = json.RootElement;
                            loaded = root.TryGetProperty("model_loaded", out var l) && l.ValueKind == JsonValueKind.True ? "yes" : "no";
                            source = Text(root, "source");
                            run = root.TryGetProperty("latest_training_run", out var r) && r.ValueKind == JsonValueKind.Object ? Text(r, "status") : "none";
                        }
                    }
                    table.AddRow(Markup.Escape(kind), Markup.Escape(Text(model, "active_version", "none")),
                        Markup.Escape(loaded), Markup.Escape(source), Markup.Escape(run));
                }
                parse.Output().Write(table);
            }
            return ExitCodes.Ok;
        }
        catch (GatewayUnreachableException ex)
        {
            return await FailAsync(parse, ex.Message);
        }
    }

    private static string Text(JsonElement element, string property, string missing = "-") =>
        element.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : missing;

    private static async Task<int> FailAsync(ParseResult parse, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"{IayosCommand.Name} {Name}: {message}");
        return ExitCodes.Failed;
    }
}
