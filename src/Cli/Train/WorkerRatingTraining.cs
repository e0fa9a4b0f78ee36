using System.CommandLine;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Training.WorkerRating;

namespace iAyos.Messaging.Cli.Train;

/// <summary><c>iayos train --kind worker-rating</c>: a freelancer-profiles CSV (no database needed), or the worker timelines of the read model.</summary>
public static class WorkerRatingTraining
{
    public static async Task<int> RunAsync(TrainArguments args, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        WorkerRatingDataset data;
        if (args.Csv is { } csv)
        {
            data = WorkerRatingDataset.FromCsv(csv, args.Split, args.Seed);
            var cleaning = data.Cleaning!;
            output.WriteLine($"{cleaning.Kept} of {cleaning.Rows} rows kept; dropped: " +
                string.Join(", ", cleaning.Skipped.Where(s => s.Value > 0).Select(s => $"{s.Key} {s.Value}")));
        }
        else
        {
            var (app, db) = await ReadModelConnection.OpenAsync();
            await using (app)
                data = WorkerRatingDataset.FromTimelines((await new WorkerTimelineReader(db).ReadAllAsync(ct)).Values.ToList(), "iayos worker timelines (read model)");
        }
        output.WriteLine($"split {data.Split}: {data.Train.Count} train, {data.Validation.Count} validation, {data.Test.Count} test");
        var request = new WorkerRatingTrainingRequest(data, args.Configuration, args.Epochs, args.BatchSize, args.Seed);
        var result = EpochProgress.Show(parse.Error(), parse.InvocationConfiguration.Error, args.Epochs,
            progress => WorkerRatingModelTraining.Train(request, progress, ct));
        var metadata = WorkerRatingModelMetadata.From(result, request, runId: null);
        var sha = await WorkerRatingModelFiles.WriteAsync(args.Out, result, metadata, ct);
        TrainSummary.Print(parse,
        [
            ("configuration", args.Configuration + (WorkerRatingModelMetadata.IsLeaking(request) ? " (leaking: its inputs hold the target's components)" : "")),
            ("network", result.NetworkName),
            ("epochs", $"{result.Fit.EpochsRun} (best {result.Fit.BestEpoch}); {result.EpochsAllCandidates} over every candidate, {result.Wall.TotalSeconds:F1} s"),
            ("ONNX Runtime max |diff|", $"{result.OnnxMaxAbsError:G2}"),
            ("test", Figures(result.Test)),
            ("mean baseline", Figures(result.MeanBaseline)),
            ("heuristic fallback", Figures(result.Heuristic)),
        ], args.Out, sha);
        return ExitCodes.Ok;
    }

    private static string Figures(WorkerRatingMetrics m) =>
        $"MAE {m.Mae:F2}, RMSE {m.Rmse:F2} points, 75% interval +-{m.IntervalHalfWidth:F1} covers {m.Coverage:P0}";
}
