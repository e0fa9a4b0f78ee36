using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.TrainingWorker.Cli;

/// <summary>
/// <c>train --kind price --csv FILE [--split FILE] [--configuration served|seed] [--epochs 100] [--batch-size 32]
/// [--seed 42] [--out DIR]</c>: the seed's "train locally, then copy" workflow. Writes the same model.onnx,
/// features.json and metadata.json a TrainingWorker run registers, with a progress bar, and needs no database or
/// broker. Register the files by copying them into the artifacts directory and inserting a version.
/// </summary>
public static class TrainCommand
{
    public const string Name = "train";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var options = Options.Parse(args);
        if (options.Error is { } error)
        {
            await errors.WriteLineAsync($"train: {error}\nusage: train --kind price --csv FILE [--split FILE] [--configuration served|seed] [--epochs N] [--batch-size N] [--seed N] [--out DIR]");
            return 2;
        }
        var data = PriceDataset.FromCsv(options.Csv!, options.Split, options.Seed);
        await output.WriteLineAsync($"{data.Report.Kept} of {data.Report.Rows} rows kept ({data.Report.Skipped.Values.Sum()} skipped); " +
            $"split {data.Split}: {data.Train.Count} train, {data.Validation.Count} validation, {data.Test.Count} test");
        var request = new PriceTrainingRequest(data, options.Configuration, options.Epochs, options.BatchSize, options.Seed);
        var result = PriceModelTraining.Train(request, new ProgressBar(errors, options.Epochs));
        await errors.WriteLineAsync();
        var metadata = PriceModelMetadata.From(result, request, Path.GetFileName(options.Csv!), runId: null);
        var sha = await PriceModelFiles.WriteAsync(options.Out, result, metadata, CancellationToken.None);
        await output.WriteLineAsync($"{options.Configuration}: {result.Fit.EpochsRun} epochs (best {result.Fit.BestEpoch}) in {result.Wall.TotalSeconds:F1} s; " +
            $"ONNX Runtime max |diff| {result.OnnxMaxAbsError:G2}");
        await output.WriteLineAsync($"test suggested price: MAE {result.Test.Suggested.Mae:F0} PHP, MAPE {result.Test.Suggested.Mape:F1}% " +
            $"(median baseline MAE {result.Baseline.Suggested.Mae:F0}, MAPE {result.Baseline.Suggested.Mape:F1}%)");
        await output.WriteLineAsync($"wrote {Path.GetFullPath(options.Out)} ({PriceModelFiles.Model} sha256 {sha})");
        return 0;
    }

    private sealed record Options(string? Csv, string? Split, string Configuration, int Epochs, int BatchSize, int Seed, string Out, string? Error)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            }
            int? Number(string name) => Value(name) is { } v ? int.TryParse(v, out var n) ? n : -1 : null;

            var kind = Value("--kind") ?? "price";
            var csv = Value("--csv");
            var split = Value("--split");
            var configuration = Value("--configuration") ?? PriceFeatureConfigurations.Served;
            var epochs = Number("--epochs") ?? 100;
            var batch = Number("--batch-size") ?? 32;
            var seed = Number("--seed") ?? 42;
            string? error = null;
            if (kind is not ("price" or "price-budget")) error = $"--kind {kind} is not trainable from the command line yet (price is).";
            else if (csv is null) error = "--csv FILE is required.";
            else if (!File.Exists(csv)) error = $"--csv {csv}: no such file.";
            else if (split is not null && !File.Exists(split)) error = $"--split {split}: no such file.";
            else if (configuration is not (PriceFeatureConfigurations.Seed or PriceFeatureConfigurations.Served)) error = "--configuration must be served or seed.";
            else if (epochs is < 1 or > 1000) error = "--epochs must be between 1 and 1000.";
            else if (batch is < 1 or > 4096) error = "--batch-size must be between 1 and 4096.";
            else if (seed < 0) error = "--seed must be a non-negative number.";
            return new Options(csv, split, configuration, epochs, batch, seed, Value("--out") ?? "price-model", error);
        }
    }

    /// <summary>One line, redrawn each epoch: [#####.....] epoch 12/100 loss 0.1234 val 0.2345 lr 0.001.</summary>
    private sealed class ProgressBar(TextWriter writer, int epochs) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            const int width = 30;
            var done = (int)Math.Round(width * Math.Min(1.0, (double)value.Epoch / epochs));
            writer.Write($"\r[{new string('#', done)}{new string('.', width - done)}] epoch {value.Epoch}/{epochs} " +
                $"loss {value.Loss:F4} val {value.ValLoss:F4} lr {value.LearningRate:G3} {value.Elapsed.TotalMilliseconds:F0} ms ");
        }
    }
}
