using System.Diagnostics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace.Networks;
using iAyos.Messaging.Training.Fitting;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>A trained cleaning-bid version: the graph, its spec (with the coverage it measured) and its report.</summary>
public sealed record BidModelTrainingResult(byte[] Onnx, BidModelSpec Spec, BidModelReport Report, TrainingResult Fit);

/// <summary>
/// The bid network end to end without I/O (seed 004 §2.D): accepted bids as their cleaners could have priced them,
/// fit by the pinball loss at the spec's quantiles (min, optimal, max ordered by construction) on the earlier jobs,
/// early stopping on the latest of them, ONNX checked against the engine, measured on the later jobs beside the
/// rule-based suggester and the market level.
/// </summary>
public static class BidModelTraining
{
    public const double OnnxTolerance = 1e-4;
    public const int MinimumFitRows = 20;

    public static BidModelTrainingResult Run(MarketplaceSnapshot snapshot, BidModelTrainingOptions options,
        IProgress<EpochReport>? progress = null, CancellationToken ct = default) =>
        Run(CleaningMarketplaceDataset.Build(snapshot), options, progress, ct);

    public static BidModelTrainingResult Run(CleaningMarketplaceDataset data, BidModelTrainingOptions options,
        IProgress<EpochReport>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var bids = data.Bids;
        if (bids.Fit.Count < MinimumFitRows || bids.Validation.Count == 0 || bids.Test.Count == 0)
            throw new ArgumentException($"Too few accepted bids to train and measure a bid network: {bids.Fit.Count} to fit, {bids.Validation.Count} validation, {bids.Test.Count} test.");

        var spec = new BidModelSpec();
        var (fitX, fitY) = Tensors(bids.Fit, spec);
        var (valX, valY) = Tensors(bids.Validation, spec);
        var (testX, _) = Tensors(bids.Test, spec);

        var network = BidNetworks.Build(BidFeatures.Count, new Random(options.Seed));
        var loss = BidNetworks.Loss(spec.Quantiles);
        var adam = new Adam(network.Parameters, options.LearningRate);
        var fit = Trainer.Fit(network, loss, adam, fitX, fitY, valX, valY,
            KerasCallbacks.Options(options.Epochs, options.BatchSize, options.Seed, options.Patience, options.PlateauPatience, options.MinLearningRate, options.CheckpointPath),
            progress, ct);

        var onnx = BidNetworks.ExportOnnx(network, "cleaning_bid", spec);
        var engine = network.Predict(testX, options.BatchSize);
        var onnxError = OnnxParity.MaxDifference(onnx, spec.InputName, spec.OutputName, testX, engine);
        if (onnxError > OnnxTolerance)
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained bid network by {onnxError:G3} on a test row.");

        // The shipped graph's outputs, in EUR.
        float[] outputs;
        using (var session = OnnxSession.FromBytes(onnx))
            outputs = session.Run(spec.InputName, new OnnxTensor(testX.Data, testX.Dim(0), testX.Dim(1)), [spec.OutputName])[0].Data;
        var predicted = Enumerable.Range(0, bids.Test.Count)
            .Select(i => (Min: outputs[3 * i] * spec.AmountScale, Optimal: outputs[3 * i + 1] * spec.AmountScale, Max: outputs[3 * i + 2] * spec.AmountScale))
            .ToList();
        var report = Measure(bids, predicted) with
        {
            EpochsRun = fit.EpochsRun,
            BestEpoch = fit.BestEpoch,
            OnnxMaxAbsError = onnxError,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new BidModelTrainingResult(onnx, spec with { Coverage = report.Coverage }, report, fit);
    }

    /// <summary>The test figures of predicted (min, optimal, max) in EUR, beside the rule-based suggester and the market level.</summary>
    public static BidModelReport Measure(TimeSplit<BidRow> bids, IReadOnlyList<(double Min, double Optimal, double Max)> predicted)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(predicted);
        var test = bids.Test;
        if (predicted.Count != test.Count) throw new ArgumentException($"{predicted.Count} predictions for {test.Count} test rows.");
        var actual = test.Select(r => (double)r.AcceptedAmount).ToList();
        return new BidModelReport
        {
            FitRows = bids.Fit.Count,
            ValidationRows = bids.Validation.Count,
            TestRows = test.Count,
            OptimalMae = Mae(predicted.Select(p => p.Optimal), actual),
            Coverage = Enumerable.Range(0, test.Count).Count(i => predicted[i].Min <= actual[i] && actual[i] <= predicted[i].Max) / (double)test.Count,
            MeanRangeWidth = predicted.Average(p => p.Max - p.Min),
            RuleOptimalMae = Mae(test.Select(r => (double)r.RuleOptimal), actual),
            RuleCoverage = test.Count(r => r.RuleMin <= r.AcceptedAmount && r.AcceptedAmount <= r.RuleMax) / (double)test.Count,
            RuleMeanRangeWidth = test.Average(r => (double)(r.RuleMax - r.RuleMin)),
            // No market yet (the first jobs of a type): the suggester's optimal stands in, so every row counts.
            MarketMae = Mae(test.Select(r => (double)(r.MarketAmount ?? r.RuleOptimal)), actual),
        };
    }

    /// <summary>Inputs [N, 19] and targets [N, 1]: the accepted amount in <see cref="BidModelSpec.AmountScale"/> EUR.</summary>
    public static (Tensor X, Tensor Y) Tensors(IReadOnlyList<BidRow> rows, BidModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(spec);
        var n = rows.Count;
        var x = new float[n * BidFeatures.Count];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i].Features.CopyTo(x, i * BidFeatures.Count);
            y[i] = (float)((double)rows[i].AcceptedAmount / spec.AmountScale);
        }
        return (new Tensor(x, n, BidFeatures.Count), new Tensor(y, n, 1));
    }

    private static double Mae(IEnumerable<double> predicted, IReadOnlyList<double> actual) =>
        predicted.Select((p, i) => Math.Abs(p - actual[i])).Average();
}
