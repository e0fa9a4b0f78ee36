using iAyos.Messaging.Training.Fitting;
using iAyos.Messaging.Predictions.Categories;
using System.Diagnostics;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>What to train: the rows, the configuration (<c>seed</c> or <c>served</c>), the categories' seeded defaults
/// (for the fallback baseline) and the fit settings.</summary>
public sealed record CompletionTimeTrainingRequest(CompletionTimeDataset Data, string Configuration, IReadOnlyList<CategoryDefaults> Categories,
    int Epochs = 100, int BatchSize = 32, int Seed = 42, string? CheckpointPath = null);

/// <summary>A trained completion-time model with everything a version records about it.</summary>
public sealed record CompletionTimePipelineResult(
    Network Network,
    CompletionTimeFeatureSpec Spec,
    byte[] Onnx,
    TrainingResult Fit,
    double ValidationMse,
    CompletionTimeMetrics Test,
    CompletionTimeMetrics CategoryMedian,
    CompletionTimeMetrics Fallback,
    double OnnxMaxAbsError,
    TimeSpan Wall);

/// <summary>
/// The completion-time model end to end without I/O: fit the spec on training rows, train on log1p(hours) with early
/// stopping on validation rows, calibrate the 75% interval on validation residuals (split-conformal), measure on test
/// rows beside the category median and the fallback, export to ONNX and check ONNX Runtime against the engine.
/// </summary>
public static class CompletionTimeModelTraining
{
    /// <summary>Largest difference between ONNX Runtime and the engine on a log1p(hours) that still passes.</summary>
    public const double OnnxTolerance = 1e-3;

    public static CompletionTimePipelineResult Train(CompletionTimeTrainingRequest request, IProgress<EpochReport>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var data = request.Data;
        if (data.Train.Count < 10 || data.Validation.Count == 0 || data.Test.Count == 0)
            throw new ArgumentException($"Too few rows to train and measure a completion-time model: {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test.");

        var spec = CompletionTimeFeatureFitter.Fit(request.Configuration, data.Train);
        var (trainX, trainY) = Tensors(data.Train, spec);
        var (valX, valY) = Tensors(data.Validation, spec);
        var (testX, _) = Tensors(data.Test, spec);

        var network = CompletionTimeNetworks.Build(spec, request.Seed);
        StartAtTheMean(network, trainX, trainY, spec);
        var settings = CompletionTimeNetworks.For(request.Configuration);
        var adam = new Adam(network.Parameters, settings.LearningRate, l2: settings.L2);
        var fit = Trainer.Fit(network, new MeanSquaredError(), adam, trainX, trainY, valX, valY,
            KerasCallbacks.Options(request.Epochs, request.BatchSize, request.Seed, settings.Patience, settings.PlateauPatience, settings.MinLearningRate,
                request.CheckpointPath),
            progress, ct);
        // Without the L2 term the fit loop's val_loss carries, so configurations with different L2 compare fairly.
        var validationMse = Trainer.Evaluate(network, new MeanSquaredError(), valX, valY, 256);

        var validationOutput = network.Predict(valX, 256);
        spec = spec with { IntervalHalfWidth = ConformalHalfWidth(validationOutput, data.Validation, CompletionTimeFallbackEstimator.ConfidenceLevel) };
        var engineOutput = network.Predict(testX, 256);
        var test = CompletionTimeMetrics.Compute(Predictions(engineOutput, spec), Actual(data.Test));
        var median = CompletionTimeMetrics.Compute(CategoryMedianBaseline.Fit(data.Train).Predict(data.Test), Actual(data.Test));
        var fallback = CompletionTimeMetrics.Compute(FallbackBaseline.Predict(FallbackBaseline.Catalog(request.Categories, data.Train), data.Test), Actual(data.Test));

        var onnx = network.ExportOnnx("completion_time", spec.InputName, [null, spec.FeatureCount], spec.OutputName, [null, 1]);
        var onnxError = OnnxParity.MaxDifference(onnx, spec.InputName, spec.OutputName, testX, engineOutput);
        if (onnxError > OnnxTolerance)
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained network by {onnxError:G3} on a test row.");

        spec = spec with { TestCoverage = test.Coverage };
        return new CompletionTimePipelineResult(network, spec, onnx, fit, validationMse, test, median, fallback, onnxError, clock.Elapsed);
    }

    /// <summary>[rows, features] inputs through the serving extractor, and [rows, 1] log1p(hours) targets.</summary>
    public static (Tensor X, Tensor Y) Tensors(IReadOnlyList<CompletionTimeTrainingRow> rows, CompletionTimeFeatureSpec spec)
    {
        var width = spec.FeatureCount;
        var x = new float[rows.Count * width];
        var y = Tensor.Zeros(rows.Count, 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            CompletionTimeFeatures.Extract(r.Request, r.Job.Category, spec, r.Request.PostedAt ?? r.StartedAt).CopyTo(x, i * width);
            y.Data[i] = (float)r.LogTarget;
        }
        return (new Tensor(x, rows.Count, width), y);
    }

    /// <summary>Hours and interval per row, exactly as serving turns the output into a response (before rounding).</summary>
    public static IReadOnlyList<(double Hours, double Lower, double Upper)> Predictions(Tensor logHours, CompletionTimeFeatureSpec spec) =>
        Enumerable.Range(0, logHours.Dim(0)).Select(i => CompletionTimeFeatures.Interval(logHours.Data[i], spec)).ToList();

    /// <summary>
    /// Split-conformal: the ceil((n + 1) x level)-th smallest |log1p(actual) - predicted| on rows the network was not
    /// fitted to. Under exchangeability of validation and test rows, [p - w, p + w] covers at least <paramref name="level"/>.
    /// </summary>
    public static double ConformalHalfWidth(Tensor predicted, IReadOnlyList<CompletionTimeTrainingRow> rows, double level)
    {
        var residuals = rows.Select((r, i) => Math.Abs(r.LogTarget - predicted.Data[i])).Order().ToArray();
        var k = Math.Min((int)Math.Ceiling((residuals.Length + 1) * level), residuals.Length);
        return Math.Round(residuals[k - 1], 5);
    }

    private static IReadOnlyList<double> Actual(IReadOnlyList<CompletionTimeTrainingRow> rows) => rows.Select(r => r.Hours).ToList();

    /// <summary>The output bias starts at the training mean of log1p(hours) (of its difference from the prior), so
    /// the epochs go to differences between jobs rather than to climbing from 0 to ~1.5.</summary>
    private static void StartAtTheMean(Network network, Tensor trainX, Tensor trainY, CompletionTimeFeatureSpec spec)
    {
        var served = spec.Configuration == CompletionTimeFeatureConfigurations.Served;
        double sum = 0;
        for (var i = 0; i < trainY.Dim(0); i++)
            sum += trainY.Data[i] - (served ? trainX.Data[i * spec.FeatureCount + spec.PriorOffset] : 0);
        network.Parameters[^1].Value.Data[0] = (float)(sum / trainY.Dim(0));
    }
}
