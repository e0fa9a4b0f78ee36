using iAyos.Messaging.Engine.Training;
using Spectre.Console;

namespace iAyos.Messaging.Cli.Train;

/// <summary>
/// Training progress on standard error: a Spectre bar redrawn each epoch on a terminal; in a log, one line per
/// epoch (<c>epoch 12/100 loss 0.1234 val 0.2345 lr 0.001 35 ms</c>).
/// </summary>
public static class EpochProgress
{
    public static T Show<T>(IAnsiConsole console, TextWriter log, int epochs, Func<IProgress<EpochReport>, T> train)
    {
        if (!console.Profile.Capabilities.Interactive)
            return train(new Reporter(report => log.WriteLine(Line(report, epochs))));
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: epochs);
                var result = train(new Reporter(report =>
                {
                    task.Value = report.Epoch;
                    task.Description = Markup.Escape(Line(report, epochs));
                }));
                task.Value = epochs; // early stopping ends before the last epoch
                return result;
            });
    }

    private static string Line(EpochReport report, int epochs) =>
        $"epoch {report.Epoch}/{epochs} loss {report.Loss:F4} val {report.ValLoss:F4} lr {report.LearningRate:G3} {report.Elapsed.TotalMilliseconds:F0} ms";

    /// <summary>Synchronous, unlike Progress&lt;T&gt;, so each epoch shows before the next starts.</summary>
    private sealed class Reporter(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
