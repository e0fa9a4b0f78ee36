using System.CommandLine;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Cli.Train;

/// <summary><c>iayos train --kind price</c>: a freelancer job-postings CSV, no database needed.</summary>
public static class PriceTraining
{
    public static int Run(TrainArguments args, ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var data = PriceDataset.FromCsv(args.Csv!, args.Split, args.Seed);
        output.WriteLine($"{data.Report.Kept} of {data.Report.Rows} rows kept ({data.Report.Skipped.Values.Sum()} skipped); " +
            $"split {data.Split}: {data.Train.Count} train, {data.Validation.Count} validation, {data.Test.Count} test");
        var request = new PriceTrainingRequest(data, args.Configuration, args.Epochs, args.BatchSize, args.Seed);
        var result = EpochProgress.Show(parse.Error(), parse.InvocationConfiguration.Error, args.Epochs,
            progress => PriceModelTraining.Train(request, progress));
        var metadata = PriceModelMetadata.From(result, request, Path.GetFileName(args.Csv!), runId: null);
        var sha = PriceModelFiles.WriteAsync(args.Out, result, metadata, CancellationToken.None).GetAwaiter().GetResult();
        TrainSummary.Print(parse,
        [
            ("configuration", args.Configuration),
            ("epochs", $"{result.Fit.EpochsRun} (best {result.Fit.BestEpoch}) in {result.Wall.TotalSeconds:F1} s"),
            ("ONNX Runtime max |diff|", $"{result.OnnxMaxAbsError:G2}"),
            ("test suggested price", $"MAE {result.Test.Suggested.Mae:F0} PHP, MAPE {result.Test.Suggested.Mape:F1}%"),
            ("median baseline", $"MAE {result.Baseline.Suggested.Mae:F0} PHP, MAPE {result.Baseline.Suggested.Mape:F1}%"),
        ], args.Out, sha);
        return ExitCodes.Ok;
    }
}
