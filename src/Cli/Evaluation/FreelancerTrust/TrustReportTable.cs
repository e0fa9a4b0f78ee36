using System.Globalization;
using iAyos.Messaging.Training.FreelancerTrust;
using Spectre.Console;

namespace iAyos.Messaging.Cli.Evaluation.FreelancerTrust;

/// <summary>The trust report's test table as a Spectre table, with the goal checked under it.</summary>
public static class TrustReportTable
{
    /// <summary>The seed's target accuracy, and how far below the best achievable a network may be.</summary>
    public const double GoalAccuracy = 0.85, GoalGap = 0.02;

    public static void Write(IAnsiConsole console, TrustReport report, string shipped)
    {
        var c = CultureInfo.InvariantCulture;
        // Figures never wrap (a split number misreads); a long model name wraps instead when the console is narrow.
        var table = new Table().AddColumn("Model");
        foreach (var figure in new[] { "Accuracy", "Precision", "Recall", "F1", "ROC-AUC", "Val AUC" })
            table.AddColumn(new TableColumn(figure).NoWrap());
        foreach (var m in report.Models)
            table.AddRow(Markup.Escape(m.Name), m.Test.Accuracy.ToString("F4", c), m.Test.Precision.ToString("F4", c), m.Test.Recall.ToString("F4", c),
                m.Test.F1.ToString("F4", c), double.IsNaN(m.Test.Auc) ? "-" : m.Test.Auc.ToString("F4", c), m.ValidationAuc?.ToString("F4", c) ?? "-");
        if (report.BestAchievableAccuracy is { } best)
            table.AddRow("best achievable (mean max(p,1-p))", best.ToString("F4", c), "", "", "", "", "");
        console.Write(table);
        var accuracy = report.Model(shipped).Test.Accuracy;
        var gap = report.BestAchievableAccuracy is { } b ? b - accuracy : (double?)null;
        var met = accuracy >= GoalAccuracy && (gap is null || gap <= GoalGap);
        console.WriteLine(string.Create(c, $"goal (>= {GoalAccuracy * 100:F0}% accuracy, within {GoalGap * 100:F0} points of the best achievable): {shipped} {accuracy * 100:F2}%" +
            $"{(gap is { } g ? $", best achievable minus network {g * 100:F2} points" : "")}: {(met ? "met" : "not met")}"));
    }
}
