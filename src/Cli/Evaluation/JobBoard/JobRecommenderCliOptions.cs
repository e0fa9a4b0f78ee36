using System.CommandLine;
using System.Globalization;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Cli.Evaluation.JobBoard;

/// <summary>
/// The job recommender's training settings as command-line options, shared by <c>evaluate-job-board</c> and
/// <c>train --kind job-recommender</c>: epochs, patience, the candidate batch sizes / dropouts / L2 factors (selected on
/// validation AUC) and the random negatives per application.
/// </summary>
public sealed class JobRecommenderCliOptions
{
    private static readonly JobRecommenderTrainingOptions Defaults = new();

    public Option<int> Patience { get; } = CliOptions.Number("--patience", 10, 1, 1000, "--patience must be between 1 and 1000.",
        "job-recommender: epochs without a better validation loss before stopping.");
    public Option<IReadOnlyList<int>> BatchSizes { get; } = List("--batch-sizes", Defaults.BatchSizes, v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65536 ? n : null,
        "job-recommender: candidate batch sizes, comma-separated; validation AUC picks one.");
    public Option<IReadOnlyList<double>> Dropouts { get; } = List("--dropouts", Defaults.Dropouts, Fraction, "job-recommender: candidate dropout rates, comma-separated.");
    public Option<IReadOnlyList<double>> WeightDecays { get; } = List("--weight-decays", Defaults.WeightDecays, NonNegative,
        "job-recommender: candidate L2 factors on the kernels, comma-separated.");
    public Option<IReadOnlyList<double>> EmbeddingDecays { get; } = List("--embedding-decays", Defaults.EmbeddingDecays, NonNegative,
        "job-recommender: candidate L2 factors on the embedding tables (applied to the rows each batch uses), comma-separated.");
    public Option<int> RandomNegatives { get; } = CliOptions.Number("--random-negatives", 1, 0, 100, "--random-negatives must be between 0 and 100.",
        "job-recommender: random never-interacted open jobs sampled as negatives per application.");

    public Option<double> UnknownIdShare { get; } = new("--unknown-id-share")
    {
        Description = "job-recommender: share of fit rows whose user and job ids are masked to unknown, so new users and jobs are learned.",
        HelpName = "share",
        DefaultValueFactory = _ => new JobRecommenderTrainingOptions().UnknownIdShare,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return new JobRecommenderTrainingOptions().UnknownIdShare;
            if (Fraction(result.Tokens[0].Value) is { } share) return share;
            result.AddError("--unknown-id-share must be in [0, 1).");
            return 0;
        },
    };

    public Option<bool> PlainSkills { get; } = new("--plain-skills")
    {
        Description = "job-recommender: feed the job's skills and location as they are (the seed's), not marked by whether the user's profile has each one.",
    };

    public IEnumerable<Option> All => [Patience, BatchSizes, Dropouts, WeightDecays, EmbeddingDecays, RandomNegatives, UnknownIdShare, PlainSkills];

    public JobRecommenderTrainingOptions Read(ParseResult parse, int epochs, int seed) => new()
    {
        Epochs = epochs,
        Patience = parse.GetValue(Patience),
        BatchSizes = parse.GetValue(BatchSizes)!,
        Dropouts = parse.GetValue(Dropouts)!,
        WeightDecays = parse.GetValue(WeightDecays)!,
        EmbeddingDecays = parse.GetValue(EmbeddingDecays)!,
        Seed = seed,
        UnknownIdShare = parse.GetValue(UnknownIdShare),
        MarkUserProfile = !parse.GetValue(PlainSkills),
        Dataset = new JobRecommenderDatasetOptions { RandomNegativesPerPositive = parse.GetValue(RandomNegatives), Seed = seed },
    };

    /// <summary>One progress line per epoch of every candidate fit.</summary>
    public static IProgress<JobRecommenderProgress> Log(TextWriter log, int epochs) => new LineLog(log, epochs);

    private static double? Fraction(string v) => double.TryParse(v, CultureInfo.InvariantCulture, out var x) && x is >= 0 and < 1 ? x : null;

    private static double? NonNegative(string v) => double.TryParse(v, CultureInfo.InvariantCulture, out var x) && x >= 0 && double.IsFinite(x) ? x : null;

    private static Option<IReadOnlyList<T>> List<T>(string name, IReadOnlyList<T> defaults, Func<string, T?> parse, string description) where T : struct
    {
        var option = new Option<IReadOnlyList<T>>(name) { Description = description, HelpName = "a,b,...", DefaultValueFactory = _ => defaults };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return defaults;
            var values = new List<T>();
            foreach (var part in result.Tokens[0].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (parse(part) is { } value) values.Add(value);
                else
                {
                    result.AddError($"{name}: '{part}' is not a valid value.");
                    return defaults;
                }
            }
            if (values.Count == 0) result.AddError($"{name} needs at least one value.");
            return values;
        };
        return option;
    }

    /// <summary>Written as each epoch ends (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class LineLog(TextWriter log, int epochs) : IProgress<JobRecommenderProgress>
    {
        public void Report(JobRecommenderProgress value)
        {
            var e = value.Epoch;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{value.Run}: epoch {e.Epoch}/{epochs} loss {e.Loss:F4} val {e.ValLoss:F4} {e.Elapsed.TotalSeconds:F1} s"));
        }
    }
}
