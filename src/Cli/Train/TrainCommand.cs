using System.CommandLine;
using iAyos.Messaging.Cli.Evaluation.JobBoard;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using Spectre.Console;

namespace iAyos.Messaging.Cli.Train;

/// <summary>
/// <c>iayos train --kind price|completion-time|worker-rating|cleaner-match|cleaning-bid|job-recommender [--csv FILE] [--split FILE]
/// [--configuration served|seed] [--jobs 5000 --cleaners 200 --clients 500 --users 2000] [--epochs 100] [--batch-size 32] [--seed 42]
/// [--out DIR]</c>: the seed's "train locally, then copy" workflow. Writes the same model.onnx, features.json and
/// metadata.json a TrainingWorker run registers, with a progress bar. Price trains on a CSV; completion time on the
/// iAyos read model in PostgreSQL; worker rating on a freelancer CSV or the read model; the cleaning networks on a
/// synthetic marketplace of --jobs/--cleaners/--clients (seed --seed) folded in memory. Register the files by copying
/// them into the artifacts directory and inserting a version.
/// </summary>
public static class TrainCommand
{
    public const string Name = "train";

    public static Command Create()
    {
        var kind = new Option<string>("--kind")
        {
            Description = "The model kind to train: price (price-budget), completion-time, worker-rating, cleaner-match, cleaning-bid or job-recommender.",
            DefaultValueFactory = _ => "price",
        };
        kind.Validators.Add(result =>
        {
            if (Canonical(result.GetValueOrDefault<string>()) is null)
                result.AddError($"--kind {result.GetValueOrDefault<string>()} is not trainable from the command line (price, completion-time, worker-rating, cleaner-match, cleaning-bid, job-recommender are).");
        });
        var csv = ExistingFile("--csv", "The CSV to train on (price: the freelancer job postings; worker-rating: the freelancer profiles).");
        var split = ExistingFile("--split", "A split file fixing which rows are train, validation and test.");
        var configuration = new Option<string>("--configuration")
        {
            Description = "served (what the InferenceWorker serves) or seed (the seed document's network, for comparison).",
            DefaultValueFactory = _ => "served",
        };
        configuration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not ("served" or "seed"))
                result.AddError("--configuration must be served or seed.");
        });
        var epochs = CliOptions.Number("--epochs", 100, 1, 1000, "--epochs must be between 1 and 1000.", "Most epochs to train (early stopping may end sooner).");
        var batchSize = CliOptions.Number("--batch-size", 32, 1, 4096, "--batch-size must be between 1 and 4096.", "Rows per batch.");
        var seed = CliOptions.Number("--seed", 42, 0, int.MaxValue, "--seed must be a non-negative number.", "Seed of the split and the weights.");
        // The cleaning networks' synthetic marketplace, the seed's size by default.
        var jobs = CliOptions.Number("--jobs", 5000, 1, 1_000_000, "--jobs must be between 1 and 1000000.", "cleaner-match, cleaning-bid, job-recommender: jobs in the synthetic marketplace or job board.");
        var cleaners = CliOptions.Number("--cleaners", 200, 1, 100_000, "--cleaners must be between 1 and 100000.", "cleaner-match, cleaning-bid: cleaners in it.");
        var clients = CliOptions.Number("--clients", 500, 1, 1_000_000, "--clients must be between 1 and 1000000.", "cleaner-match, cleaning-bid: clients in it.");
        var users = CliOptions.Number("--users", 2000, 10, 1_000_000, "--users must be between 10 and 1000000.", "job-recommender: users on the synthetic job board.");
        var jobRecommender = new JobRecommenderCliOptions();
        var output = new Option<string>("--out") { Description = "Directory for the three files (default: <kind>-model).", HelpName = "DIR" };

        var command = new Command(Name, "Trains a model locally and writes model.onnx, features.json and metadata.json.")
        {
            kind, csv, split, configuration, jobs, cleaners, clients, users, epochs, batchSize, seed, output,
        };
        foreach (var option in jobRecommender.All) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            var named = Canonical(result.GetValue(kind));
            if (named == PriceBudgetKind.KindName && result.GetValue(csv) is null)
                result.AddError("--csv FILE is required for --kind price.");
            if (named == CompletionTimeKind.KindName && (result.GetValue(csv) is not null || result.GetValue(split) is not null))
                result.AddError("--kind completion-time trains on the iAyos read model in PostgreSQL; it takes no --csv or --split.");
            if ((named is CleanerMatchKind.KindName or CleaningBidKind.KindName) && (result.GetValue(csv) is not null || result.GetValue(split) is not null))
                result.AddError($"--kind {named} trains on a synthetic marketplace (--jobs, --cleaners, --clients, --seed); it takes no --csv or --split.");
            if (named == JobRecommenderKind.KindName && (result.GetValue(csv) is not null || result.GetValue(split) is not null))
                result.AddError("--kind job-recommender trains on a synthetic job board (--users, --jobs, --seed); it takes no --csv or --split.");
            if (result.GetValue(split) is not null && result.GetValue(csv) is null)
                result.AddError("--split needs a --csv.");
        });
        command.SetAction(async (parse, ct) =>
        {
            var named = Canonical(parse.GetValue(kind))!;
            var args = new TrainArguments(named, parse.GetValue(csv), parse.GetValue(split), parse.GetValue(configuration)!,
                parse.GetValue(epochs), parse.GetValue(batchSize), parse.GetValue(seed), parse.GetValue(output) ?? $"{named}-model");
            return named switch
            {
                PriceBudgetKind.KindName => PriceTraining.Run(args, parse),
                CompletionTimeKind.KindName => await CompletionTimeTraining.RunAsync(args, parse, ct),
                CleanerMatchKind.KindName or CleaningBidKind.KindName => CleaningTraining.Run(args,
                    new MarketplaceSpec(parse.GetValue(jobs), parse.GetValue(cleaners), parse.GetValue(clients), parse.GetValue(seed), MarketplaceAsOf), parse, ct),
                // The seed's 50 epochs unless --epochs says otherwise (the other kinds' default is 100).
                JobRecommenderKind.KindName => JobBoardTraining.Run(args,
                    new JobBoardGeneratorOptions { Users = parse.GetValue(users), Jobs = parse.GetValue(jobs), Seed = parse.GetValue(seed) },
                    jobRecommender.Read(parse, parse.GetResult(epochs) is { Implicit: false } ? args.Epochs : 50, args.Seed), parse, ct),
                FreelancerTrustKind.KindName => await Task.Run(() => TrustTraining.Run(parse.GetResult(epochs) is { Implicit: false } ? args : args with { Epochs = 50 }, parse, ct), ct),
                _ => await WorkerRatingTraining.RunAsync(args, parse, ct),
            };
        });
        return command;
    }

    /// <summary>The registry's kind name for what --kind says, or null for a kind this command cannot train.</summary>
    private static string? Canonical(string? kind) => kind switch
    {
        "price" or PriceBudgetKind.KindName => PriceBudgetKind.KindName,
        CompletionTimeKind.KindName => CompletionTimeKind.KindName,
        WorkerRatingKind.KindName => WorkerRatingKind.KindName,
        CleanerMatchKind.KindName => CleanerMatchKind.KindName,
        CleaningBidKind.KindName => CleaningBidKind.KindName,
        JobRecommenderKind.KindName => JobRecommenderKind.KindName,
        FreelancerTrustKind.KindName => FreelancerTrustKind.KindName,
        _ => null,
    };

    /// <summary>A fixed end of the synthetic marketplace, so the same options train on the same market any day.</summary>
    private static readonly DateTimeOffset MarketplaceAsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

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
}

/// <summary>What <c>iayos train</c> was asked for, with the kind in the registry's spelling.</summary>
public sealed record TrainArguments(string Kind, string? Csv, string? Split, string Configuration, int Epochs, int BatchSize, int Seed, string Out);

/// <summary>The summary table every kind prints after training.</summary>
public static class TrainSummary
{
    public static void Print(ParseResult parse, IEnumerable<(string Name, string Value)> rows, string outDirectory, string sha256)
    {
        var table = new Table().AddColumns("", "").HideHeaders();
        foreach (var (name, value) in rows)
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        parse.Output().Write(table);
        // Plain, unwrapped, for scripts that pick up the path and hash.
        parse.InvocationConfiguration.Output.WriteLine($"wrote {Path.GetFullPath(outDirectory)} (model.onnx sha256 {sha256})");
    }
}
