using System.CommandLine;
using Spectre.Console;

namespace iAyos.Messaging.Cli;

/// <summary>
/// Spectre consoles over the invocation's writers, so tests capture what a terminal shows. Only the real,
/// unredirected console gets colours and live progress bars; anything else (a log file, a test) gets plain text.
/// </summary>
public static class CliConsole
{
    public static IAnsiConsole Output(this ParseResult parse) => Create(parse.InvocationConfiguration.Output);

    public static IAnsiConsole Error(this ParseResult parse) => Create(parse.InvocationConfiguration.Error);

    public static IAnsiConsole Create(TextWriter writer)
    {
        var live = IsLiveTerminal(writer);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    public static bool IsLiveTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
}
