using System.Diagnostics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace.Networks;
using iAyos.Messaging.Training.Fitting;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>A trained cleaner-match version: the graph, its spec (ID mappings, alpha) and what it measured.</summary>
public sealed record CleanerMatchTrainingResult(byte[] Onnx, CleanerMatchSpec Spec, CleanerMatchReport Report, TrainingResult Fit);

/// <summary>
/// The cleaner-match network end to end without I/O (seed 004 §2): rows from the read model as of each posting,
/// fit on the earlier jobs with early stopping on the latest of them, export with int64 id inputs, check ONNX
/// Runtime against the engine, then measure the exported graph on the later jobs: the review target beside its
/// baselines, and top-3 hire accuracy of every engine mode beside random and cheapest.
/// </summary>
public static class CleanerMatchTraining
{
    /// <summary>Largest difference between ONNX Runtime and the engine on a 0-1 score that still passes.</summary>
    public const double OnnxTolerance = 1e-4;
    public const int MinimumFitRows = 20;

    public static CleanerMatchTrainingResult Run(MarketplaceSnapshot snapshot, CleanerMatchTrainingOptions options,
        IProgress<EpochReport>? progress = null, CancellationToken ct = default) =>
        Run(CleaningMarketplaceDataset.Build(snapshot), options, progress, ct);

    public static CleanerMatchTrainingResult Run(CleaningMarketplaceDataset data, CleanerMatchTrainingOptions options,
        IProgress<EpochReport>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var match = data.Match;
        if (match.Fit.Count < MinimumFitRows || match.Validation.Count == 0 || match.Test.Count == 0)
            throw new ArgumentException($"Too few reviewed hires to train and measure a cleaner-match network: {match.Fit.Count} to fit, {match.Validation.Count} validation, {match.Test.Count} test.");

        var spec = new CleanerMatchSpec { ClientIds = data.ClientIds, CleanerIds = data.CleanerIds, PropertyTypes = data.PropertyTypes };
        var (fitX, fitY) = Tensors(match.Fit, spec);
        var (valX, valY) = Tensors(match.Validation, spec);
        var (testX, _) = Tensors(match.Test, spec);

        var supervisedHalves = options.HalfLossWeight > 0;
        var network = new CleanerMatchNetwork(spec.ClientIds.Count + 1, spec.CleanerIds.Count + 1, spec.PropertyTypes.Count + 1, new Random(options.Seed),
            supervisedHalves: supervisedHalves);
        ILoss loss = supervisedHalves ? new HalvesSupervisedLoss(options.HalfLossWeight) : new MeanSquaredError();
        var adam = new Adam(network.Parameters, options.LearningRate);
        var fit = Trainer.Fit(network, loss, adam, fitX, fitY, valX, valY,
            KerasCallbacks.Options(options.Epochs, options.BatchSize, options.Seed, options.Patience, options.PlateauPatience, options.MinLearningRate, options.CheckpointPath),
            progress, ct);
        // The hybrid's own MSE (the fit monitors hybrid + halves).
        var validationMse = new MeanSquaredError().Compute(network.Predict(valX, options.BatchSize).Hybrid, valY).Loss;

        spec = spec with { Alpha = network.Alpha };
        var onnx = network.ExportOnnx("cleaner_match", spec);
        using var scorer = new CleanerMatchOnnxScorer(onnx, spec);
        var test = scorer.Score([.. match.Test.Select(CleanerMatchPair.Of)]);
        var onnxError = MaxDifference(network.Predict(testX, options.BatchSize), test);
        if (onnxError > OnnxTolerance)
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained cleaner-match network by {onnxError:G3} on a test row.");

        var report = Measure(data, scorer, test, options.EnsembleRuleWeight) with
        {
            Alpha = spec.Alpha,
            EpochsRun = fit.EpochsRun,
            BestEpoch = fit.BestEpoch,
            ValidationMse = validationMse,
            OnnxMaxAbsError = onnxError,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new CleanerMatchTrainingResult(onnx, spec, report, fit);
    }

    /// <summary>The test figures of a scored graph: review metrics on the test rows, top-3 hire accuracy on the test jobs.</summary>
    public static CleanerMatchReport Measure(CleaningMarketplaceDataset data, CleanerMatchOnnxScorer scorer, IReadOnlyList<CleanerMatchScores> testScores, double ruleWeight)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scorer);
        var match = data.Match;
        var actual = match.Test.Select(r => r.Target).ToList();
        var mean = match.Fit.Average(r => r.Target);

        // Every bidder of every test job in one call; then each mode ranks the same bidders.
        var pairs = data.TestHires.SelectMany(h => h.Bidders.Select(b => CleanerMatchPair.Of(h, b))).ToList();
        var scores = scorer.Score(pairs);
        var neural = new Dictionary<(long Job, long Bid), double>(pairs.Count);
        var k = 0;
        foreach (var hire in data.TestHires)
        {
            foreach (var bidder in hire.Bidders)
                neural[(hire.JobId, bidder.BidId)] = 100 * scores[k++].Served;
        }
        var rule = new Dictionary<(long Job, long Bid), double>(pairs.Count);
        foreach (var hire in data.TestHires)
        {
            foreach (var bidder in hire.Bidders)
                rule[(hire.JobId, bidder.BidId)] = HireScorers.RuleBased(hire, bidder);
        }

        return new CleanerMatchReport
        {
            FitRows = match.Fit.Count,
            ValidationRows = match.Validation.Count,
            TestRows = match.Test.Count,
            ColdStartTestRows = testScores.Count(s => !s.KnownPair),
            Served = RegressionMetrics.Compute([.. testScores.Select(s => s.Served)], actual),
            Hybrid = RegressionMetrics.Compute([.. testScores.Select(s => s.Hybrid)], actual),
            Collaborative = RegressionMetrics.Compute([.. testScores.Select(s => s.Collaborative)], actual),
            Content = RegressionMetrics.Compute([.. testScores.Select(s => s.Content)], actual),
            TrainingMean = RegressionMetrics.Compute([.. actual.Select(_ => mean)], actual),
            RuleOverall = RegressionMetrics.Compute([.. match.Test.Select(r => r.RuleOverall)], actual),
            EnsembleRuleWeight = ruleWeight,
            RuleBased = HireAccuracy.Measure(data.TestHires, (h, b) => rule[(h.JobId, b.BidId)]),
            Neural = HireAccuracy.Measure(data.TestHires, (h, b) => neural[(h.JobId, b.BidId)]),
            Ensemble = HireAccuracy.Measure(data.TestHires, (h, b) => HireScorers.Ensemble(rule[(h.JobId, b.BidId)], neural[(h.JobId, b.BidId)], ruleWeight)),
            Random = HireAccuracy.Random(data.TestHires),
            Cheapest = HireAccuracy.Measure(data.TestHires, HireScorers.Cheapest),
        };
    }

    /// <summary>
    /// The network's four inputs, float-coded: client, cleaner and property-type indices [N, 1] (0 = unknown) and
    /// the 18 features [N, 18]; targets [N, 1] (review / 10).
    /// </summary>
    public static (IReadOnlyList<Tensor> X, Tensor Y) Tensors(IReadOnlyList<MatchRow> rows, CleanerMatchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(spec);
        var n = rows.Count;
        var clients = new float[n];
        var cleaners = new float[n];
        var types = new float[n];
        var features = new float[n * CleanerMatchFeatures.Count];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            clients[i] = spec.ClientIndex(rows[i].ClientId);
            cleaners[i] = spec.CleanerIndex(rows[i].CleanerId);
            types[i] = spec.PropertyTypeIndex(rows[i].PropertyType);
            rows[i].Features.CopyTo(features, i * CleanerMatchFeatures.Count);
            y[i] = (float)rows[i].Target;
        }
        return ([new Tensor(clients, n, 1), new Tensor(cleaners, n, 1), new Tensor(types, n, 1), new Tensor(features, n, CleanerMatchFeatures.Count)],
            new Tensor(y, n, 1));
    }

    /// <summary>The largest difference of any of the three outputs between the engine and ONNX Runtime.</summary>
    private static double MaxDifference(CleanerMatchPrediction engine, IReadOnlyList<CleanerMatchScores> onnx)
    {
        double max = 0;
        for (var i = 0; i < onnx.Count; i++)
        {
            max = Math.Max(max, Math.Abs(engine.Hybrid.Data[i] - onnx[i].Hybrid));
            max = Math.Max(max, Math.Abs(engine.Collaborative.Data[i] - onnx[i].Collaborative));
            max = Math.Max(max, Math.Abs(engine.Content.Data[i] - onnx[i].Content));
        }
        return max;
    }
}
