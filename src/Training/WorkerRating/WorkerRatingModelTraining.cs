using iAyos.Messaging.Training.Fitting;
using System.Diagnostics;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>What to train: the rows, the configuration (<c>served</c> or <c>seed</c>) and the fit settings.</summary>
public sealed record WorkerRatingTrainingRequest(WorkerRatingDataset Data, string Configuration, int Epochs = 100, int BatchSize = 32, int Seed = 42,
    string? CheckpointPath = null);

/// <summary>One candidate tried on validation rows: its inputs, its network and its validation MSE (score / 100, squared).</summary>
public sealed record WorkerRatingCandidate(string Features, string Network, double ValidationMse, int EpochsRun);

/// <summary>A trained worker-rating model with everything a version records about it. Metrics are on test rows, in score points.</summary>
public sealed record WorkerRatingPipelineResult(
    Network Network,
    WorkerRatingFeatureSpec Spec,
    byte[] Onnx,
    TrainingResult Fit,
    string NetworkName,
    IReadOnlyList<WorkerRatingCandidate> Candidates,
    WorkerRatingMetrics Test,
    WorkerRatingMetrics MeanBaseline,
    WorkerRatingMetrics Heuristic,
    IReadOnlyList<double> TestPredictions,
    double ValidationMae,
    double ValidationMeanMae,
    double OnnxMaxAbsError,
    TimeSpan Wall)
{
    /// <summary>Epochs over every candidate fitted, the chosen one included.</summary>
    public int EpochsAllCandidates => Candidates.Sum(c => c.EpochsRun);
}

/// <summary>
/// The worker-rating model end to end without I/O. <c>seed</c>: the seed's 43 inputs (on the freelancer CSV the leaking
/// ones) and its LSTM network. <c>served</c>: each candidate feature list (profile; with history, profile and past
/// record) x each served network is fitted on training rows and the lowest validation MSE is kept. Then: test metrics
/// beside the mean of training targets and the heuristic fallback (all with a split-conformal 75% interval from their
/// validation residuals), ONNX export, and ONNX Runtime parity on the test rows.
/// </summary>
public static class WorkerRatingModelTraining
{
    /// <summary>Largest difference between ONNX Runtime and the engine on a sigmoid output that still passes (0.01 points).</summary>
    public const double OnnxTolerance = 1e-4;

    public const string ProfileFeatures = "profile", ProfileAndPastFeatures = "profile_and_past", SeedFeatures = "seed_43";

    public static WorkerRatingPipelineResult Train(WorkerRatingTrainingRequest request, IProgress<EpochReport>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var data = request.Data;
        if (data.Train.Count < 10 || data.Validation.Count == 0 || data.Test.Count == 0)
            throw new ArgumentException($"Too few rows to train and measure a worker-rating model: {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test.");

        var seed = request.Configuration switch
        {
            WorkerRatingConfigurations.Seed => true,
            WorkerRatingConfigurations.Served => false,
            _ => throw new ArgumentException($"Unknown worker-rating configuration '{request.Configuration}' (seed or served).", nameof(request)),
        };
        IReadOnlyList<(string Name, IReadOnlyList<string> Names)> featureSets = seed
            ? [(SeedFeatures, WorkerRatingFeatures.SeedNames)]
            : data.HasHistory
                ? [(ProfileFeatures, WorkerRatingFeatures.ProfileNames), (ProfileAndPastFeatures, WorkerRatingFeatures.ProfileAndPastNames)]
                : [(ProfileFeatures, WorkerRatingFeatures.ProfileNames)];
        var networks = seed ? [WorkerRatingNetworks.Seed] : WorkerRatingNetworks.Served;
        var single = featureSets.Count * networks.Count == 1;

        var candidates = new List<WorkerRatingCandidate>();
        (Network Network, TrainingResult Fit, IReadOnlyList<string> Names, string NetworkName, double Mse)? best = null;
        foreach (var (setName, names) in featureSets)
        foreach (var candidate in networks)
        {
            ct.ThrowIfCancellationRequested();
            var (trainX, trainY) = Tensors(data.Train, names, seed);
            var (valX, valY) = Tensors(data.Validation, names, seed);
            var network = candidate.Build(names.Count, new Random(request.Seed));
            StartAtTheMean(network, trainY);
            var fit = Trainer.Fit(network, new MeanSquaredError(), new Adam(network.Parameters, candidate.LearningRate), trainX, trainY, valX, valY,
                KerasCallbacks.Options(request.Epochs, request.BatchSize, request.Seed, patience: 15, plateauPatience: 7, minLearningRate: 1e-6,
                    single ? request.CheckpointPath : null), single ? progress : null, ct);
            var mse = Trainer.Evaluate(network, new MeanSquaredError(), valX, valY, 256);
            candidates.Add(new WorkerRatingCandidate(setName, candidate.Name, Math.Round(mse, 6), fit.EpochsRun));
            if (best is null || mse < best.Value.Mse)
                best = (network, fit, names, candidate.Name, mse);
        }
        var chosen = best!.Value;
        if (!single && progress is not null)
            foreach (var epoch in chosen.Fit.History) progress.Report(epoch); // the chosen candidate's epochs, after selection

        var (testXs, _) = Tensors(data.Test, chosen.Names, seed);
        var (valXs, _) = Tensors(data.Validation, chosen.Names, seed);
        var engineOutput = chosen.Network.Predict(testXs, 256);
        var testPredicted = engineOutput.Data.Select(v => v * 100.0).ToList();
        var valPredicted = chosen.Network.Predict(valXs, 256).Data.Select(v => v * 100.0).ToList();
        var testActual = data.Test.Select(r => r.Target).ToList();
        var valActual = data.Validation.Select(r => r.Target).ToList();
        var test = WorkerRatingMetrics.Compute(testPredicted, testActual, valPredicted, valActual);

        var mean = data.Train.Average(r => r.Target);
        var meanBaseline = WorkerRatingMetrics.Compute(testActual.Select(_ => mean).ToList(), testActual, valActual.Select(_ => mean).ToList(), valActual);
        // The fallback as served: it sees what a request carries before the outcome (never the CSV's snapshot rating).
        static double Heuristic(WorkerRatingRow r) => WorkerRatingHeuristic.Estimate(r.Inputs, PredictionSources.Fallback).ProfileScore;
        var heuristic = WorkerRatingMetrics.Compute(data.Test.Select(Heuristic).ToList(), testActual, data.Validation.Select(Heuristic).ToList(), valActual);

        var spec = new WorkerRatingFeatureSpec
        {
            Configuration = request.Configuration,
            Features = chosen.Names,
            Target = data.HasHistory
                ? "the worker's next-window client outcome: mean over jobs reviewed in (T, T+W] of (rating/5 + satisfaction/100)/2 x 100, from what is known at T"
                : "the seed's composite (rating/5 x 0.5 + client_satisfaction/100 x 0.5) x 100 of one snapshot",
            IntervalHalfWidth = test.IntervalHalfWidth,
            TypicalHourlyRate = TypicalHourlyRate(data.Train),
        };
        var onnx = chosen.Network.ExportOnnx("worker_rating", spec.InputName, [null, chosen.Names.Count], spec.OutputName, [null, 1]);
        var onnxError = OnnxParity.MaxDifference(onnx, spec.InputName, spec.OutputName, testXs, engineOutput);
        if (onnxError > OnnxTolerance)
            throw new InvalidOperationException($"ONNX Runtime disagrees with the trained network by {onnxError:G3} on a test row.");

        return new WorkerRatingPipelineResult(chosen.Network, spec, onnx, chosen.Fit, chosen.NetworkName, candidates, test, meanBaseline, heuristic,
            testPredicted, Mae(valPredicted, valActual), Mae(valActual.Select(_ => mean).ToList(), valActual), onnxError, clock.Elapsed);
    }

    /// <summary>[rows, features] inputs and [rows, 1] targets / 100 (the sigmoid's range).</summary>
    public static (Tensor X, Tensor Y) Tensors(IReadOnlyList<WorkerRatingRow> rows, IReadOnlyList<string> names, bool seedInputs)
    {
        var x = new float[rows.Count * names.Count];
        var y = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            WorkerRatingFeatures.Extract(seedInputs ? rows[i].SeedInputs : rows[i].Inputs, names).CopyTo(x, i * names.Count);
            y[i] = (float)(rows[i].Target / 100);
        }
        return (new Tensor(x, rows.Count, names.Count), new Tensor(y, rows.Count, 1));
    }

    /// <summary>The output bias starts at the logit of the training mean, so epochs go to differences between workers.</summary>
    private static void StartAtTheMean(Network network, Tensor trainY)
    {
        var mean = Math.Clamp(trainY.Data.Average(v => (double)v), 0.01, 0.99);
        network.Parameters[^1].Value.Data[0] = (float)Math.Log(mean / (1 - mean));
    }

    private static double Mae(IReadOnlyList<double> predicted, IReadOnlyList<double> actual) =>
        Math.Round(predicted.Select((p, i) => Math.Abs(p - actual[i])).Average(), 3);

    private static decimal TypicalHourlyRate(IReadOnlyList<WorkerRatingRow> rows)
    {
        var rates = rows.Select(r => r.Inputs.HourlyRate).OfType<decimal>().Where(r => r > 0).Order().ToList();
        return rates.Count == 0 ? 300 : rates[rates.Count / 2];
    }
}
