using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using iAyos.Messaging.Cli.Evaluation.JobBoard;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Cli.Train;

/// <summary>
/// <c>iayos train --kind job-recommender [--users 2000 --jobs 5000 --seed 42] [--batch-sizes 32,256 ...]</c>: a job
/// board generated in memory (no bus, no database), then the same pipeline and files as a TrainingWorker run on the
/// read model: model.onnx, features.json (the fitted spec) and metadata.json (the held-out figures).
/// </summary>
public static class JobBoardTraining
{
    public static int Run(TrainArguments args, JobBoardGeneratorOptions board, JobRecommenderTrainingOptions options, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var generated = JobBoardGenerator.Generate(board);
        var snapshot = generated.Snapshot;
        output.WriteLine($"synthetic job board: {snapshot.Users.Count:N0} users, {snapshot.Jobs.Count:N0} jobs, {snapshot.Interactions.Count:N0} interactions (seed {board.Seed})");

        var result = JobRecommenderTraining.Run(snapshot, options, JobRecommenderCliOptions.Log(parse.InvocationConfiguration.Error, options.Epochs),
            generated.Truth.ApplyProbability, ct);
        var r = result.Report;

        Directory.CreateDirectory(args.Out);
        File.WriteAllBytes(Path.Combine(args.Out, "model.onnx"), result.Onnx);
        File.WriteAllText(Path.Combine(args.Out, "features.json"), result.Spec.ToJson());
        File.WriteAllText(Path.Combine(args.Out, "metadata.json"), JsonSerializer.Serialize(new
        {
            kind = args.Kind, source = $"synthetic job board {board.Users}/{board.Jobs} seed {board.Seed}, in memory",
            trained_at = DateTimeOffset.UtcNow, metrics = r.Flatten(),
        }));
        var convFm = r.Model(JobRecommenderTraining.ConvFm);
        TrainSummary.Print(parse,
        [
            ("rows", $"{r.Fit.Total:N0} fit, {r.Validation.Total:N0} validation, {r.Test.Total:N0} test"),
            ("selected", $"batch {r.Selected.BatchSize}, dropout {r.Selected.Dropout:0.##}, l2 {r.Selected.WeightDecay:G2}: {r.Selected.EpochsRun} epochs (best {r.Selected.BestEpoch}), {r.Selected.SecondsPerEpoch:F1} s/epoch"),
            ("ONNX Runtime max |diff|", $"{r.OnnxMaxAbsError:G2}"),
            ("test", $"AUC {convFm.Test.Auc:F4}, F1 {convFm.Test.F1:F4}, recall@10 {convFm.Ranking.RecallAtK:F4}, NDCG@10 {convFm.Ranking.NdcgAtK:F4}, MRR {convFm.Ranking.Mrr:F4}"),
        ], args.Out, Convert.ToHexStringLower(SHA256.HashData(result.Onnx)));
        output.WriteLine(r.ToTable());
        return ExitCodes.Ok;
    }
}
