using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Training.CleaningMarketplace;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// The measured quality of the cleaning networks on a generated marketplace (issue 12 §3): both trained reports
/// and the generator's best achievable, all on the same held-out jobs.
/// </summary>
public sealed record MarketplaceQuality(
    [property: JsonPropertyName("jobs")] int Jobs,
    [property: JsonPropertyName("cleaners")] int Cleaners,
    [property: JsonPropertyName("clients")] int Clients,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("cleaner_match")] CleanerMatchReport Match,
    [property: JsonPropertyName("bid_model")] BidModelReport Bids,
    [property: JsonPropertyName("best_achievable")] MarketplaceTruth Truth)
{
    public static MarketplaceQuality Evaluate(MarketplaceSpec spec, int epochs, IProgress<string>? log = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var market = MarketplaceGenerator.Generate(spec);
        var data = CleaningMarketplaceDataset.Build(MarketplaceFold.Fold(market.Events));
        log?.Report($"{data.Match.Fit.Count}/{data.Match.Validation.Count}/{data.Match.Test.Count} review rows (fit/validation/test), " +
            $"{data.Bids.Fit.Count}/{data.Bids.Validation.Count}/{data.Bids.Test.Count} bid rows, {data.TestHires.Count} test hires.");
        var match = CleanerMatchTraining.Run(data, new CleanerMatchTrainingOptions { Epochs = epochs, Seed = spec.Seed },
            new EpochLog(log, "cleaner-match"), ct);
        var bids = BidModelTraining.Run(data, new BidModelTrainingOptions { Epochs = epochs, Seed = spec.Seed },
            new EpochLog(log, "cleaning-bid"), ct);
        return new MarketplaceQuality(spec.Jobs, spec.Cleaners, spec.Clients, spec.Seed, match.Report, bids.Report, MarketplaceTruth.Measure(market, data));
    }

    /// <summary>The quality table as plain text (markdown), for a terminal and for the note.</summary>
    public string Table()
    {
        var m = Match;
        var t = new StringBuilder();
        t.AppendLine(Invariant($"Cleaning marketplace: {Jobs} jobs, {Cleaners} cleaners, {Clients} clients, seed {Seed}; later 20% of jobs held out."));
        t.AppendLine();
        t.AppendLine(Invariant($"Top-3 hire accuracy ({m.RuleBased.Jobs} test jobs with a hire; {m.RuleBased.JobsOver3} of them, {Share(m.RuleBased.JobsOver3, m.RuleBased.Jobs)}, with more than 3 bidders)"));
        t.AppendLine("| mode | all test jobs | jobs with > 3 bidders |");
        t.AppendLine("|---|---|---|");
        foreach (var (name, a) in new[]
        {
            ("rule_based", m.RuleBased), ("neural", m.Neural), (Invariant($"ensemble ({m.EnsembleRuleWeight:0.##} rule + {1 - m.EnsembleRuleWeight:0.##} neural)"), m.Ensemble),
            ("random (exact expectation)", m.Random), ("cheapest bid", m.Cheapest), ("oracle: best achievable", Truth.Oracle),
            ("true reputation alone", Truth.TrueReputation),
        })
            t.AppendLine(Invariant($"| {name} | {a.Accuracy:P1} | {a.AccuracyOver3:P1} |"));
        t.AppendLine(Invariant($"Hires that went to the cheapest bid: {Truth.HiresCheapestShare:P1}."));
        t.AppendLine();
        t.AppendLine(Invariant($"Review (overall / 10) on {m.TestRows} test hires ({m.ColdStartTestRows} cold start); fit {m.FitRows}, validation {m.ValidationRows}; alpha {m.Alpha:F3}"));
        t.AppendLine("| predictor | MSE | MAE | R² |");
        t.AppendLine("|---|---|---|---|");
        foreach (var (name, r) in new[]
        {
            ("served (hybrid; content for cold start)", m.Served), ("hybrid", m.Hybrid), ("collaborative only", m.Collaborative), ("content only", m.Content),
            ("training mean", m.TrainingMean), ("rule-based overall / 100", m.RuleOverall), ("noise floor (expected review given true reputation)", Truth.ReviewNoiseFloor),
        })
            t.AppendLine(Invariant($"| {name} | {r.Mse:F5} | {r.Mae:F4} | {r.R2:F3} |"));
        t.AppendLine();
        t.AppendLine(Invariant($"Bid model on {Bids.TestRows} test accepted bids (fit {Bids.FitRows}, validation {Bids.ValidationRows})"));
        t.AppendLine("| predictor | optimal MAE (EUR) | coverage of [min, max] | mean width (EUR) |");
        t.AppendLine("|---|---|---|---|");
        t.AppendLine(Invariant($"| bid network | {Bids.OptimalMae:F2} | {Bids.Coverage:P1} | {Bids.MeanRangeWidth:F2} |"));
        t.AppendLine(Invariant($"| rule-based suggester | {Bids.RuleOptimalMae:F2} | {Bids.RuleCoverage:P1} | {Bids.RuleMeanRangeWidth:F2} |"));
        t.AppendLine(Invariant($"| market average x hours | {Bids.MarketMae:F2} | | |"));
        return t.ToString();
    }

    /// <summary>One line per epoch, written synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class EpochLog(IProgress<string>? log, string network) : IProgress<EpochReport>
    {
        public void Report(EpochReport e) =>
            log?.Report(Invariant($"{network} epoch {e.Epoch}: loss {e.Loss:F5}, validation {e.ValLoss:F5}"));
    }

    private static string Share(int part, int whole) => whole == 0 ? "0%" : Invariant($"{(double)part / whole:P0}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
