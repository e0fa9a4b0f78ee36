using iAyos.Messaging.Training.Fitting;
using System.Diagnostics;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>What to train: the rows, the configuration (<c>seed</c> or <c>served</c>) and the fit settings.</summary>
public sealed record PriceTrainingRequest(PriceDataset Data, string Configuration, int Epochs = 100, int BatchSize = 32, int Seed = 42,
    string? CheckpointPath = null);

/// <summary>A trained price model with everything a version records about it.</summary>
public sealed record PricePipelineResult(
    Network Network,
    PriceFeatureSpec Spec,
    byte[] Onnx,
    TrainingResult Fit,
    double ValidationMse,
    PriceMetrics Test,
    PriceMetrics Baseline,
    double OnnxMaxAbsError,
    TimeSpan Wall);

/// <summary>
/// The price model end to end without I/O: fit the feature spec on training rows, train on log1p targets with
/// early stopping on validation rows, measure on test rows beside the per-group median baseline, export to ONNX
/// and check ONNX Runtime's output on the test rows against the engine's own forward pass.
/// </summary>
public static class PriceModelTraining
{
    /// <summary>Largest difference between ONNX Runtime and the engine on a log price that still passes.</summary>
    public const double OnnxTolerance = 1e-3;

    public static PricePipelineResult Train(PriceTrainingRequest request, IProgress<EpochReport>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var data = request.Data;
        if (data.Train.Count < 10 || data.Validation.Count == 0 || data.Test.Count == 0)
            throw new ArgumentException($"Too few rows to train and measure a price model: {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test.");

        var spec = request.Configuration switch
        {
            PriceFeatureConfigurations.Seed => PriceFeatureFitter.FitSeed(data.Train.Select(r => r.Request)),
            PriceFeatureConfigurations.Served => PriceFeatureFitter.FitServed(data.Train.Select(r => r.Request)) with
            {
                Prior = PriceMedianBaseline.Fit(data.Train).ToPrior(),
            },
            _ => throw new ArgumentException($"Unknown price configuration '{request.Configuration}' (seed or served).", nameof(request)),
        };
        var (trainX, trainY) = Tensors(data.Train, spec);
        var (valX, valY) = Tensors(data.Validation, spec);
        var (testX, _) = Tensors(data.Test, spec);

        var network = PriceNetworks.Build(spec, request.Seed);
        StartAtTheMean(network, trainX, trainY, spec);
        var settings = PriceNetworks.For(request.Configuration);
        var adam = new Adam(network.Parameters, settings.LearningRate, l2: settings.L2);
        var fit = Trainer.Fit(network, new MeanSquaredError(), adam, trainX, trainY, valX, valY,
            KerasCallbacks.Options(request.Epochs, request.BatchSize, request.Seed, settings.Patience, settings.PlateauPatience, 0, request.CheckpointPath),
            progress, ct);
        // Without the L2 term the fit loop's val_loss carries, so configurations with different L2 compare fairly.
        var validationMse = Trainer.Evaluate(network, new MeanSquaredError(), valX, valY, 256);
        var engineOutput = network.Predict(testX, 256);
        var predicted = ToPrices(engineOutput);
        var test = PriceMetrics.Compute(predicted, data.Test);
        var baseline = PriceMetrics.Compute(PriceMedianBaseline.Fit(data.Train).Predict(data.Test).Select(p => (IReadOnlyList<double>)p).ToList(), data.Test);

        var onnx = network.ExportOnnx("price_budget", spec.InputName, [null, spec.FeatureCount], spec.OutputName, [null, 3]);
        var onnxError = OnnxParity.MaxDifference(onnx, spec.InputName, spec.OutputName, testX, engineOutput);
        if (onnxError > OnnxTolerance)
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained network by {onnxError:G3} on a test row.");

        spec = spec with { Confidence = Coverage(predicted, data.Test) };
        return new PricePipelineResult(network, spec, onnx, fit, validationMse, test, baseline, onnxError, clock.Elapsed);
    }

    /// <summary>[rows, features] inputs and [rows, 3] log1p targets.</summary>
    public static (Tensor X, Tensor Y) Tensors(IReadOnlyList<PriceTrainingRow> rows, PriceFeatureSpec spec)
    {
        var x = new Tensor(PriceFeatures.ExtractBatch(rows.Select(r => r.Request).ToList(), spec), rows.Count, spec.FeatureCount);
        var y = Tensor.Zeros(rows.Count, 3);
        for (var i = 0; i < rows.Count; i++) rows[i].LogTargets.CopyTo(y.Data, i * 3);
        return (x, y);
    }

    /// <summary>Log outputs to PHP, sorted per row so min &lt;= suggested &lt;= max whatever the network emits
    /// (the same rule <see cref="PriceModelOutput"/> applies when serving).</summary>
    public static IReadOnlyList<IReadOnlyList<double>> ToPrices(Tensor logPrices)
    {
        var rows = new List<IReadOnlyList<double>>(logPrices.Dim(0));
        for (var i = 0; i < logPrices.Dim(0); i++)
        {
            var p = new double[3];
            for (var k = 0; k < 3; k++) p[k] = Math.Max(0, Math.Exp(Math.Clamp(logPrices.Data[i * 3 + k], -20f, 20f)) - 1);
            Array.Sort(p);
            rows.Add(p);
        }
        return rows;
    }

    /// <summary>What a prediction's <c>confidence</c> reports: the share of test rows whose actual suggested price
    /// fell inside the predicted [min, max].</summary>
    public static double Coverage(IReadOnlyList<IReadOnlyList<double>> predicted, IReadOnlyList<PriceTrainingRow> rows)
    {
        var inside = 0;
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Prices[1] >= predicted[i][0] && rows[i].Prices[1] <= predicted[i][2]) inside++;
        return Math.Round((double)inside / rows.Count, 3);
    }

    /// <summary>The output layer starts at the training mean of each log price (of its difference from the prior,
    /// with one), so training spends its epochs on differences between jobs rather than on climbing from 0 to ~9.</summary>
    private static void StartAtTheMean(Network network, Tensor trainX, Tensor trainY, PriceFeatureSpec spec)
    {
        var output = network.Parameters[^1];
        var rows = trainY.Dim(0);
        for (var k = 0; k < 3; k++)
        {
            double sum = 0;
            for (var i = 0; i < rows; i++)
                sum += trainY.Data[i * 3 + k] - (spec.HasPrior ? trainX.Data[i * spec.FeatureCount + spec.PriorOffset + k] : 0);
            output.Value.Data[k] = (float)(sum / rows);
        }
    }
}
