using System.CommandLine;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Training.CompletionTimeModel;

namespace iAyos.Messaging.Cli.Train;

/// <summary><c>iayos train --kind completion-time</c>: the completed jobs and worker timelines of the read model in PostgreSQL.</summary>
public static class CompletionTimeTraining
{
    public static async Task<int> RunAsync(TrainArguments args, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var (app, db) = await ReadModelConnection.OpenAsync();
        CompletionTimeDataset data;
        CompletionTimeTrainingRequest request;
        await using (app)
        {
            data = CompletionTimeDataset.FromJobs(await new ServiceJobReader(db).ReadCompletedAsync(ct), await new WorkerTimelineReader(db).ReadAllAsync(ct));
            request = new CompletionTimeTrainingRequest(data, args.Configuration, await new CategoryDefaultsReader(db).ReadAsync(ct),
                args.Epochs, args.BatchSize, args.Seed);
        }
        output.WriteLine($"iayos read model: chronological split {data.Train.Count} train, {data.Validation.Count} validation, {data.Test.Count} test");
        var result = EpochProgress.Show(parse.Error(), parse.InvocationConfiguration.Error, args.Epochs,
            progress => CompletionTimeModelTraining.Train(request, progress, ct));
        var metadata = CompletionTimeModelMetadata.From(result, request, "iayos read model (completed jobs)", runId: null);
        var sha = await CompletionTimeModelFiles.WriteAsync(args.Out, result, metadata, ct);
        TrainSummary.Print(parse,
        [
            ("configuration", args.Configuration),
            ("epochs", $"{result.Fit.EpochsRun} (best {result.Fit.BestEpoch}) in {result.Wall.TotalSeconds:F1} s"),
            ("ONNX Runtime max |diff|", $"{result.OnnxMaxAbsError:G2}"),
            ("test", Figures(result.Test)),
            ("category median", Figures(result.CategoryMedian)),
            ("fallback", Figures(result.Fallback)),
        ], args.Out, sha);
        return ExitCodes.Ok;
    }

    private static string Figures(CompletionTimeMetrics m) => $"MAE {m.MaeHours:F2} h, RMSE {m.RmseHours:F2} h, 75% interval covers {m.Coverage:P0}";
}
