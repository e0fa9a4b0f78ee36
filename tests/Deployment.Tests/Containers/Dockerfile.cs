using System.Text.Json;
using System.Text.RegularExpressions;

namespace iAyos.Messaging.Deployment.Tests.Containers;

/// <summary>A Dockerfile as instructions grouped by stage: continuation lines joined, comments and parser directives dropped.</summary>
public sealed class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    public sealed record Stage(string BaseImage, string? Name, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<string> ArgumentsOf(string keyword) =>
            Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
    }

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public static Dockerfile Read(string relativePath) => Parse(RepositoryFiles.Read(relativePath));

    public static Dockerfile Parse(string text)
    {
        var stages = new List<(string Image, string? Name, List<Instruction> Instructions)>();
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                var match = Regex.Match(instruction.Arguments, @"^(?:--platform=\S+\s+)?(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase);
                stages.Add((match.Groups["image"].Value, match.Groups["name"].Success ? match.Groups["name"].Value : null, []));
            }
            else if (stages.Count == 0)
                throw new InvalidDataException($"{instruction.Keyword} before the first FROM.");
            else
                stages[^1].Instructions.Add(instruction);
        }
        if (stages.Count == 0) throw new InvalidDataException("No FROM.");
        return new Dockerfile([.. stages.Select(s => new Stage(s.Image, s.Name, s.Instructions))]);
    }

    /// <summary>An exec-form argument list (a JSON array), or null for the shell form.</summary>
    public static string[]? ExecForm(string arguments)
    {
        var trimmed = arguments.Trim();
        if (!trimmed.StartsWith('[')) return null;
        return JsonSerializer.Deserialize<string[]>(trimmed);
    }

    private static IEnumerable<Instruction> Instructions(string text)
    {
        var pending = "";
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length == 0) continue;
            var space = whole.IndexOfAny([' ', '\t']);
            yield return space < 0
                ? new Instruction(whole.ToUpperInvariant(), "")
                : new Instruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim());
        }
    }
}
