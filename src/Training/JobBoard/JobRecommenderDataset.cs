using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// The job recommender's examples from a snapshot, cut by time. One example per (user, job) pair that interacted
/// (repeated views are one pair): positive when the user ever applied, else a shown negative; plus, per application,
/// random jobs open at that moment that the user never interacted with. Examples are ordered by the time the pair
/// first happened; the latest <see cref="JobRecommenderDatasetOptions.TestShare"/> is test, the latest
/// <see cref="JobRecommenderDatasetOptions.ValidationShare"/> of the rest is validation, the remainder is fitted on.
/// </summary>
/// <remarks>
/// A cut never falls inside a run of equal times, so every test example is strictly later than every training one
/// (and every validation example than every fit one). Features are ids and listing content only, so nothing of a
/// later interaction reaches an earlier example; the user profile is the snapshot's (the read model keeps only the latest).
/// </remarks>
public sealed class JobRecommenderDataset
{
    private JobRecommenderDataset(JobBoardSnapshot snapshot, JobRecommenderDatasetOptions options, IReadOnlyList<JobRecommenderExample> fit,
        IReadOnlyList<JobRecommenderExample> validation, IReadOnlyList<JobRecommenderExample> test, Dictionary<long, HashSet<long>> interacted)
    {
        Snapshot = snapshot;
        Options = options;
        Fit = fit;
        Validation = validation;
        Test = test;
        Interacted = interacted;
        Jobs = snapshot.Jobs.ToDictionary(j => j.Facts.JobId);
        Users = snapshot.Users.ToDictionary(u => u.UserId);
        OpenJobs = new OpenJobs(snapshot.Jobs);
    }

    public JobBoardSnapshot Snapshot { get; }
    public JobRecommenderDatasetOptions Options { get; }
    public IReadOnlyList<JobRecommenderExample> Fit { get; }
    public IReadOnlyList<JobRecommenderExample> Validation { get; }
    public IReadOnlyList<JobRecommenderExample> Test { get; }
    /// <summary>Fit then validation: what the spec and the popularity counts are fitted on.</summary>
    public IEnumerable<JobRecommenderExample> Training => Fit.Concat(Validation);
    public IReadOnlyDictionary<long, JobRecord> Jobs { get; }
    public IReadOnlyDictionary<long, UserFacts> Users { get; }
    public OpenJobs OpenJobs { get; }
    /// <summary>Every job each user interacted with in the whole snapshot: what random negatives avoid.</summary>
    public IReadOnlyDictionary<long, HashSet<long>> Interacted { get; }

    public bool HasInteracted(long userId, long jobId) => Interacted.TryGetValue(userId, out var jobs) && jobs.Contains(jobId);

    public static JobRecommenderDataset Build(JobBoardSnapshot snapshot, JobRecommenderDatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= new JobRecommenderDatasetOptions();
        if (options.RandomNegativesPerPositive < 0) throw new ArgumentOutOfRangeException(nameof(options), "Random negatives per positive must not be negative.");
        var jobs = snapshot.Jobs.Select(j => j.Facts.JobId).ToHashSet();

        // One pair per (user, job): its first interaction's time, positive if any interaction was an application.
        var pairs = new Dictionary<(long User, long Job), (DateTimeOffset First, bool Applied)>();
        var interacted = new Dictionary<long, HashSet<long>>();
        foreach (var i in snapshot.Interactions)
        {
            if (!jobs.Contains(i.JobId)) continue; // an interaction with a job the snapshot lacks has no features
            var applied = i.Interaction == InteractionKinds.Applied;
            var key = (i.UserId, i.JobId);
            pairs[key] = pairs.TryGetValue(key, out var seen)
                ? (seen.First <= i.OccurredAt ? seen.First : i.OccurredAt, seen.Applied || applied)
                : (i.OccurredAt, applied);
            if (!interacted.TryGetValue(i.UserId, out var own)) interacted[i.UserId] = own = [];
            own.Add(i.JobId);
        }

        var examples = new List<JobRecommenderExample>(pairs.Count * 2);
        foreach (var ((user, job), (first, applied)) in pairs)
        {
            if (applied) examples.Add(new JobRecommenderExample(user, job, first, ExampleSource.Applied));
            else if (options.ShownNegatives) examples.Add(new JobRecommenderExample(user, job, first, ExampleSource.Shown));
        }
        // Deterministic order before the random draws, whatever order the dictionary enumerated in.
        examples.Sort(Chronological);

        if (options.RandomNegativesPerPositive > 0)
        {
            var open = new OpenJobs(snapshot.Jobs);
            var random = new Random(options.Seed);
            var sampled = new HashSet<(long, long)>();
            var positives = examples.Where(e => e.Applied).ToList();
            foreach (var positive in positives)
            {
                var user = positive.UserId;
                var own = interacted[user];
                foreach (var job in open.Draw(positive.Time, positive.Time, options.RandomNegativesPerPositive,
                             j => own.Contains(j) || sampled.Contains((user, j)), random))
                {
                    sampled.Add((user, job));
                    examples.Add(new JobRecommenderExample(user, job, positive.Time, ExampleSource.Random));
                }
            }
            examples.Sort(Chronological);
        }

        var (fit, validation, test) = Cut(examples, options.TestShare, options.ValidationShare);
        return new JobRecommenderDataset(snapshot, options, fit, validation, test, interacted);
    }

    /// <summary>
    /// The time split: test is the latest share, validation the latest share of the rest. Each cut moves later past
    /// examples with the same time as the one before it, so no time is on both sides.
    /// </summary>
    public static (List<JobRecommenderExample> Fit, List<JobRecommenderExample> Validation, List<JobRecommenderExample> Test) Cut(
        IReadOnlyList<JobRecommenderExample> chronological, double testShare, double validationShare)
    {
        ArgumentNullException.ThrowIfNull(chronological);
        if (testShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testShare));
        if (validationShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validationShare));
        var train = AfterTies(chronological, (int)Math.Round(chronological.Count * (1 - testShare), MidpointRounding.AwayFromZero));
        var fit = AfterTies(chronological, (int)Math.Round(train * (1 - validationShare), MidpointRounding.AwayFromZero));
        return ([.. chronological.Take(fit)], [.. chronological.Skip(fit).Take(train - fit)], [.. chronological.Skip(train)]);
    }

    /// <summary>Counts of each source in a part, for the report.</summary>
    public static ExampleCounts Count(IEnumerable<JobRecommenderExample> examples)
    {
        int applied = 0, shown = 0, random = 0;
        foreach (var e in examples)
        {
            switch (e.Source)
            {
                case ExampleSource.Applied: applied++; break;
                case ExampleSource.Shown: shown++; break;
                default: random++; break;
            }
        }
        return new ExampleCounts(applied, shown, random);
    }

    private static int AfterTies(IReadOnlyList<JobRecommenderExample> chronological, int cut)
    {
        while (cut > 0 && cut < chronological.Count && chronological[cut].Time == chronological[cut - 1].Time) cut++;
        return cut;
    }

    private static int Chronological(JobRecommenderExample a, JobRecommenderExample b)
    {
        var byTime = a.Time.CompareTo(b.Time);
        if (byTime != 0) return byTime;
        var byUser = a.UserId.CompareTo(b.UserId);
        if (byUser != 0) return byUser;
        var bySource = a.Source.CompareTo(b.Source);
        return bySource != 0 ? bySource : a.JobId.CompareTo(b.JobId);
    }
}

/// <summary>Examples of a part by where they came from: applications (positives), shown negatives and random negatives.</summary>
public sealed record ExampleCounts(int Applied, int Shown, int Random)
{
    public int Total => Applied + Shown + Random;

    public override string ToString() => $"{Total:N0} ({Applied:N0} applied, {Shown:N0} shown-not-applied, {Random:N0} random)";
}
