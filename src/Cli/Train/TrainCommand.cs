using System.CommandLine;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Training.PriceModel;
using Spectre.Console;

namespace iAyos.Messaging.Cli.Train;

/// <summary>
/// <c>iayos train --kind price --csv FILE [--split FILE] [--configuration served|seed] [--epochs 100] [--batch-size 32]
/// [--seed 42] [--out DIR]</c>: the seed's "train locally, then copy" workflow. Writes the same model.onnx,
/// features.json and metadata.json a TrainingWorker run registers, with a progress bar, and needs no database or
/// broker. Register the files by copying them into the artifacts directory and inserting a version.
/// </summary>
public static class TrainCommand
{
    public const string Name = "train";

    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Description = "The model kind to train (price).", DefaultValueFactory = _ => "price" };
        kind.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is var value and not ("price" or "price-budget"))
                result.AddError($"--kind {value} is not trainable from the command line yet (price is).");
        });
        var csv = ExistingFile("--csv", "The freelancer CSV to train on.");
        var split = ExistingFile("--split", "A split file fixing which rows are train, validation and test.");
        var configuration = new Option<string>("--configuration")
        {
            Description = "Feature configuration: served (what the InferenceWorker serves) or seed.",
            DefaultValueFactory = _ => PriceFeatureConfigurations.Served,
        };
        configuration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not (PriceFeatureConfigurations.Seed or PriceFeatureConfigurations.Served))
                result.AddError("--configuration must be served or seed.");
        });
        var epochs = CliOptions.Number("--epochs", 100, 1, 1000, "--epochs must be between 1 and 1000.", "Most epochs to train (early stopping may end sooner).");
        var batchSize = CliOptions.Number("--batch-size", 32, 1, 4096, "--batch-size must be between 1 and 4096.", "Rows per batch.");
        var seed = CliOptions.Number("--seed", 42, 0, int.MaxValue, "--seed must be a non-negative number.", "Seed of the split and the weights.");
        var output = new Option<string>("--out") { Description = "Directory for the three files.", HelpName = "DIR", DefaultValueFactory = _ => "price-model" };

        var command = new Command(Name, "Trains a model locally from a CSV and writes model.onnx, features.json and metadata.json.")
        {
            kind, csv, split, configuration, epochs, batchSize, seed, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(csv) is null)
                result.AddError("--csv FILE is required.");
        });
        command.SetAction(parse => Run(new TrainArguments(parse.GetValue(csv)!, parse.GetValue(split), parse.GetValue(configuration)!,
            parse.GetValue(epochs), parse.GetValue(batchSize), parse.GetValue(seed), parse.GetValue(output)!), parse));
        return command;
    }

    private static Option<string> ExistingFile(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "FILE" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && !File.Exists(path))
                result.AddError($"{name} {path}: no such file.");
        });
        return option;
    }

    private static int Run(TrainArguments args, ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var data = PriceDataset.FromCsv(args.Csv, args.Split, args.Seed);
        output.WriteLine($"{data.Report.Kept} of {data.Report.Rows} rows kept ({data.Report.Skipped.Values.Sum()} skipped); " +
            $"split {data.Split}: {data.Train.Count} train, {data.Validation.Count} validation, {data.Test.Count} test");
        var request = new PriceTrainingRequest(data, args.Configuration, args.Epochs, args.BatchSize, args.Seed);
        var result = EpochProgress.Show(parse.Error(), parse.InvocationConfiguration.Error, args.Epochs,
            progress => PriceModelTraining.Train(request, progress));
        var metadata = PriceModelMetadata.From(result, request, Path.GetFileName(args.Csv), runId: null);
        var sha = PriceModelFiles.WriteAsync(args.Out, result, metadata, CancellationToken.None).GetAwaiter().GetResult();

        var table = new Table().AddColumns("", "").HideHeaders();
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("configuration", args.Configuration);
        Row("epochs", $"{result.Fit.EpochsRun} (best {result.Fit.BestEpoch}) in {result.Wall.TotalSeconds:F1} s");
        Row("ONNX Runtime max |diff|", $"{result.OnnxMaxAbsError:G2}");
        Row("test suggested price", $"MAE {result.Test.Suggested.Mae:F0} PHP, MAPE {result.Test.Suggested.Mape:F1}%");
        Row("median baseline", $"MAE {result.Baseline.Suggested.Mae:F0} PHP, MAPE {result.Baseline.Suggested.Mape:F1}%");
        parse.Output().Write(table);
        // Plain, unwrapped, for scripts that pick up the path and hash.
        output.WriteLine($"wrote {Path.GetFullPath(args.Out)} ({PriceModelFiles.Model} sha256 {sha})");
        return ExitCodes.Ok;
    }

    private sealed record TrainArguments(string Csv, string? Split, string Configuration, int Epochs, int BatchSize, int Seed, string Out);
}
