using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;

namespace iAyos.Messaging.Cli.Train;

/// <summary>
/// <c>iayos train --kind cleaner-match|cleaning-bid [--jobs 5000 --cleaners 200 --clients 500 --seed 42]</c>: a synthetic
/// marketplace generated and folded in memory as the ScoringWorker folds its events (no database, no bus), then the
/// same pipeline and files as a TrainingWorker run on the read model.
/// </summary>
public static class CleaningTraining
{
    public static int Run(TrainArguments args, MarketplaceSpec market, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var generated = MarketplaceGenerator.Generate(market);
        var snapshot = MarketplaceFold.Fold(generated.Events);
        output.WriteLine($"synthetic marketplace: {market.Jobs} jobs, {market.Cleaners} cleaners, {market.Clients} clients (seed {market.Seed}), " +
            $"{snapshot.Reviews.Count} reviews, {snapshot.Bids.Count} bids");

        byte[] onnx;
        string specJson;
        IReadOnlyDictionary<string, double> figures;
        IEnumerable<(string, string)> rows;
        if (args.Kind == CleanerMatchKind.KindName)
        {
            var result = EpochProgress.Show(parse.Error(), parse.InvocationConfiguration.Error, args.Epochs,
                progress => CleanerMatchTraining.Run(snapshot, new CleanerMatchTrainingOptions { Epochs = args.Epochs, BatchSize = args.BatchSize, Seed = args.Seed }, progress, ct));
            (onnx, specJson, figures) = (result.Onnx, result.Spec.ToJson(), result.Report.Flatten());
            var r = result.Report;
            rows =
            [
                ("rows", $"{r.FitRows} fit, {r.ValidationRows} validation, {r.TestRows} test ({r.ColdStartTestRows} cold start)"),
                ("epochs", $"{r.EpochsRun} (best {r.BestEpoch}) in {r.TrainingSeconds:F1} s; alpha {r.Alpha:F2}"),
                ("ONNX Runtime max |diff|", $"{r.OnnxMaxAbsError:G2}"),
                ("review / 10: hybrid", Figures(r.Hybrid)),
                ("collaborative", Figures(r.Collaborative)),
                ("content", Figures(r.Content)),
                ("training mean", Figures(r.TrainingMean)),
                ("rule-based overall", Figures(r.RuleOverall)),
                ("top-3 hires", $"neural {r.Neural.Accuracy:P1}, ensemble {r.Ensemble.Accuracy:P1}, rule-based {r.RuleBased.Accuracy:P1}, " +
                                $"cheapest {r.Cheapest.Accuracy:P1}, random {r.Random.Accuracy:P1} ({r.RuleBased.Jobs} jobs)"),
            ];
        }
        else
        {
            var result = EpochProgress.Show(parse.Error(), parse.InvocationConfiguration.Error, args.Epochs,
                progress => BidModelTraining.Run(snapshot, new BidModelTrainingOptions { Epochs = args.Epochs, BatchSize = args.BatchSize, Seed = args.Seed }, progress, ct));
            (onnx, specJson, figures) = (result.Onnx, result.Spec.ToJson(), result.Report.Flatten());
            var r = result.Report;
            rows =
            [
                ("rows", $"{r.FitRows} fit, {r.ValidationRows} validation, {r.TestRows} test"),
                ("epochs", $"{r.EpochsRun} (best {r.BestEpoch}) in {r.TrainingSeconds:F1} s"),
                ("ONNX Runtime max |diff|", $"{r.OnnxMaxAbsError:G2}"),
                ("optimal bid MAE", $"{r.OptimalMae:F2} EUR (rule-based {r.RuleOptimalMae:F2}, market {r.MarketMae:F2})"),
                ("[min, max] covers", $"{r.Coverage:P0}, {r.MeanRangeWidth:F2} EUR wide (rule-based {r.RuleCoverage:P0})"),
            ];
        }

        // The files a TrainingWorker run writes: model.onnx, features.json (the spec with the ID mappings), metadata.json.
        Directory.CreateDirectory(args.Out);
        File.WriteAllBytes(Path.Combine(args.Out, "model.onnx"), onnx);
        File.WriteAllText(Path.Combine(args.Out, "features.json"), specJson);
        File.WriteAllText(Path.Combine(args.Out, "metadata.json"), JsonSerializer.Serialize(new
        {
            kind = args.Kind, source = $"synthetic marketplace {market.Jobs}/{market.Cleaners}/{market.Clients} seed {market.Seed}, folded in memory",
            trained_at = DateTimeOffset.UtcNow, metrics = figures,
        }));
        TrainSummary.Print(parse, rows, args.Out, Convert.ToHexStringLower(SHA256.HashData(onnx)));
        return ExitCodes.Ok;
    }

    private static string Figures(RegressionMetrics m) => $"MSE {m.Mse:F4}, MAE {m.Mae:F3}, R² {m.R2:F3}";
}
