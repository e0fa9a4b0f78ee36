using System.Diagnostics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.Fitting;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>A trained trust version: the network, its spec, its ONNX graph (checked against ONNX Runtime) and the report.</summary>
public sealed record TrustTrainingResult(Network Network, TrustFeatureSpec Spec, byte[] Onnx, TrustReport Report, TrainingResult Fit, TrustSplit Split);

/// <summary>One epoch of one network's fit, named so a caller can tell the runs apart.</summary>
public sealed record TrustProgress(string Run, EpochReport Epoch);

/// <summary>
/// Seed 003 end to end without I/O: the stratified 70/15/15 split, the indicators' standardization fitted on train,
/// the LSTM fitted with early stopping on validation loss (best weights restored), then measured on test beside the
/// seed's threshold rules, logistic regression on the indicators, optionally the text-only and indicators-only networks,
/// and, when the data carries the generator's probabilities, the best achievable.
/// </summary>
public static class TrustTraining
{
    public const string Rules = "rules (p >= 0.5)", Logistic = "logistic regression", BestAchievable = "best achievable (p >= 0.5)";

    /// <summary>Tolerance of the ONNX Runtime check on a 0-1 probability.</summary>
    public const double OnnxTolerance = 1e-4;

    public static string NetworkName(string configuration) => $"LSTM ({configuration})";

    public static TrustTrainingResult Run(TrustDataset data, TrustTrainingOptions options, IProgress<TrustProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!TrustConfigurations.All.Contains(options.Configuration))
            throw new ArgumentException($"'{options.Configuration}' is not a trust configuration ({string.Join(", ", TrustConfigurations.All)}).", nameof(options));
        var clock = Stopwatch.StartNew();
        var split = TrustSplit.Stratified([.. data.Examples.Select(e => e.Trustworthy)], options.Seed);
        var train = Part(data, split.Train);
        var validation = Part(data, split.Validation);
        var test = Part(data, split.Test);
        CheckEnough(("train", train), ("validation", validation), ("test", test));
        var (means, scales) = TrustStandardization.Fit(train.Select(e => e.Indicators));

        var fits = new List<TrustFit>();
        var models = new List<TrustModelResult>();
        Trained? shipped = null;
        var configurations = options.Ablation
            ? [options.Configuration, .. TrustConfigurations.All.Where(c => c != options.Configuration)]
            : new[] { options.Configuration };
        foreach (var configuration in configurations)
        {
            var spec = new TrustFeatureSpec
            {
                Encoder = data.Encoder, TextDimensions = data.Dimensions, Configuration = configuration, IndicatorMeans = means, IndicatorScales = scales,
            };
            var name = NetworkName(configuration);
            var run = Fit(name, TrustNetworks.Seed(data.Dimensions, options.Dropout, new Random(options.Seed), options.Units[0], options.Units[1], options.Units[2]),
                Rows(train, spec), Rows(validation, spec), train, validation, options.LearningRate, options, progress, ct);
            fits.Add(run.Summary);
            models.Add(Measure(name, run.Network, Rows(test, spec), test, run.ValidationAuc, options));
            if (configuration == options.Configuration) shipped = run with { Spec = spec };
        }

        models.Add(new TrustModelResult(Rules, ClassificationMetrics.Compute([.. test.Select(e => TrustRules.Probability(e.Indicators))], Labels(test), 0.5), null));
        var logistic = Fit(Logistic, TrustNetworks.Logistic(new Random(options.Seed)), Indicators(train, means, scales), Indicators(validation, means, scales),
            train, validation, 1e-2, options, progress, ct);
        fits.Add(logistic.Summary);
        models.Add(Measure(Logistic, logistic.Network, Indicators(test, means, scales), test, logistic.ValidationAuc, options));
        double? bestAchievable = null;
        if (test.All(e => e.TrueProbability is not null))
        {
            var truth = test.Select(e => e.TrueProbability!.Value).ToArray();
            models.Add(new TrustModelResult(BestAchievable, ClassificationMetrics.Compute(truth, Labels(test), 0.5), null));
            bestAchievable = truth.Average(p => Math.Max(p, 1 - p));
        }

        // The graph that ships is checked against the engine on the test rows, fed as serving feeds them.
        var network = shipped!.Network;
        var shippedSpec = shipped.Spec!;
        var onnx = network.ExportOnnx("freelancer_trust", shippedSpec.InputName, [null, shippedSpec.RowWidth], shippedSpec.OutputName, [null, 1]);
        var testX = Rows(test, shippedSpec);
        var onnxError = OnnxParity.MaxDifference(onnx, shippedSpec.InputName, shippedSpec.OutputName, testX, network.Predict(testX, options.PredictBatchSize));
        if (!(onnxError <= OnnxTolerance))
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained trust network by {onnxError:G3} on a test row.");

        var report = new TrustReport
        {
            Profiles = data.Examples.Count + data.Rejected.Count,
            Rejected = data.RejectionReasons(),
            TrainRows = train.Count,
            ValidationRows = validation.Count,
            TestRows = test.Count,
            TestTrustworthyShare = test.Count(e => e.Trustworthy) / (double)test.Count,
            Encoder = data.Encoder,
            Configuration = options.Configuration,
            Fits = fits,
            Models = models,
            BestAchievableAccuracy = bestAchievable,
            OnnxMaxAbsError = onnxError,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new TrustTrainingResult(network, shippedSpec, onnx, report, shipped.Result, split);
    }

    /// <summary>The model rows of examples, [n, 2·d], as serving builds them.</summary>
    public static Tensor Rows(IReadOnlyList<TrustExample> examples, TrustFeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(spec);
        var x = Tensor.Zeros(examples.Count, spec.RowWidth);
        for (var i = 0; i < examples.Count; i++)
            TrustInputs.Row(examples[i].Embedding, examples[i].Indicators, spec).CopyTo(x.Data, i * spec.RowWidth);
        return x;
    }

    private sealed record Trained(Network Network, TrustFit Summary, TrainingResult Result, double ValidationAuc, TrustFeatureSpec? Spec = null);

    private static Trained Fit(string name, Network network, Tensor trainX, Tensor validationX, IReadOnlyList<TrustExample> train,
        IReadOnlyList<TrustExample> validation, double learningRate, TrustTrainingOptions options, IProgress<TrustProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // torch.optim.Adam as the seed runs it: ε 1e-8, weight decay on every parameter after clip_grad_norm_.
        var optimizer = new Adam(network.Parameters, learningRate, epsilon: 1e-8, globalClipNorm: options.ClipNorm, weightDecay: options.WeightDecay);
        var runProgress = progress is null ? null : new Forward(report => progress.Report(new TrustProgress(name, report)));
        var result = Trainer.Fit(network, new BinaryCrossEntropy(), optimizer, trainX, LabelTensor(train), validationX, LabelTensor(validation),
            new TrainingOptions
            {
                Epochs = options.Epochs,
                BatchSize = options.BatchSize,
                Seed = options.Seed,
                EarlyStoppingPatience = options.Patience,
                RestoreBestWeights = true,
                EndOnBestWeights = true,
                ReduceLearningRatePatience = options.ReduceLearningRatePatience,
                MinLearningRate = options.MinLearningRate,
            }, runProgress, ct);
        var validationAuc = ClassificationMetrics.RocAuc(Scores(network.Predict(validationX, options.PredictBatchSize)), Labels(validation));
        var perEpoch = result.History.Count == 0 ? 0 : result.History.Average(h => h.Elapsed.TotalSeconds);
        return new Trained(network, new TrustFit(name, result.EpochsRun, result.BestEpoch, result.BestLoss, clock.Elapsed.TotalSeconds, perEpoch), result, validationAuc);
    }

    private static TrustModelResult Measure(string name, Network network, Tensor testX, IReadOnlyList<TrustExample> test, double validationAuc,
        TrustTrainingOptions options) =>
        new(name, ClassificationMetrics.Compute(Scores(network.Predict(testX, options.PredictBatchSize)), Labels(test), 0.5), validationAuc);

    /// <summary>The six standardized indicators alone, [n, 6]: the logistic baseline's input.</summary>
    private static Tensor Indicators(IReadOnlyList<TrustExample> examples, double[] means, double[] scales)
    {
        var x = Tensor.Zeros(examples.Count, TrustIndicators.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var values = TrustIndicators.ToArray(examples[i].Indicators);
            for (var j = 0; j < values.Length; j++) x.Data[i * TrustIndicators.Count + j] = (float)((values[j] - means[j]) / scales[j]);
        }
        return x;
    }

    private static List<TrustExample> Part(TrustDataset data, IReadOnlyList<int> rows) => [.. rows.Select(i => data.Examples[i])];

    private static bool[] Labels(IReadOnlyList<TrustExample> examples) => [.. examples.Select(e => e.Trustworthy)];

    private static Tensor LabelTensor(IReadOnlyList<TrustExample> examples) =>
        new([.. examples.Select(e => e.Trustworthy ? 1f : 0f)], examples.Count, 1);

    private static double[] Scores(Tensor predictions) => [.. predictions.Data.Select(v => (double)v)];

    private static void CheckEnough(params (string Name, List<TrustExample> Rows)[] parts)
    {
        foreach (var (name, rows) in parts)
            if (!rows.Any(e => e.Trustworthy) || rows.All(e => e.Trustworthy))
                throw new ArgumentException($"Too few profiles to train and measure a trust model: the {name} part has {rows.Count} rows, " +
                    $"{rows.Count(e => e.Trustworthy)} trustworthy; it needs both labels.");
    }

    /// <summary>Synchronous, unlike Progress&lt;T&gt;, so each epoch reaches the caller before the next starts.</summary>
    private sealed class Forward(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
