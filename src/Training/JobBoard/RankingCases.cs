namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// The ranking protocol on the test period: for every user with at least one test application, the candidates are
/// their test applications (relevant), the other jobs they were shown in the test period (viewed, saved or
/// dismissed, not applied) and <see cref="RandomCandidates"/> random jobs open during the test period that they never
/// interacted with. Built once, seeded, and shuffled, so every model ranks the same lists and ties break the same way.
/// </summary>
public sealed class RankingCases
{
    public const int RandomCandidates = 100;

    private RankingCases(IReadOnlyList<RankingCase> cases, int randomPerUser)
    {
        Cases = cases;
        RandomPerUser = randomPerUser;
    }

    public IReadOnlyList<RankingCase> Cases { get; }
    public int RandomPerUser { get; }

    /// <summary>Every (user, job) pair of every case, in case order: what a scorer is asked to score at once.</summary>
    public IReadOnlyList<(long UserId, long JobId)> Pairs => [.. Cases.SelectMany(c => c.JobIds.Select(j => (c.UserId, j)))];

    public static RankingCases Build(JobRecommenderDataset data, IReadOnlyList<JobRecommenderExample> period, int randomPerUser = RandomCandidates, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(period);
        var cases = new List<RankingCase>();
        if (period.Count == 0) return new RankingCases(cases, randomPerUser);
        var (from, to) = (period.Min(e => e.Time), period.Max(e => e.Time));
        var random = new Random(seed);
        // Users in the order of their first example, so the draws do not depend on a dictionary's order.
        foreach (var group in period.Where(e => e.Source != ExampleSource.Random).GroupBy(e => e.UserId))
        {
            var applied = group.Where(e => e.Applied).Select(e => e.JobId).Distinct().ToList();
            if (applied.Count == 0) continue;
            var shown = group.Where(e => e.Source == ExampleSource.Shown).Select(e => e.JobId).Distinct().ToList();
            var user = group.Key;
            var randomJobs = data.OpenJobs.Draw(from, to, randomPerUser, j => data.HasInteracted(user, j), random);
            var candidates = applied.Select(j => (Job: j, Relevant: true))
                .Concat(shown.Select(j => (Job: j, Relevant: false)))
                .Concat(randomJobs.Select(j => (Job: j, Relevant: false)))
                .ToArray();
            Shuffle(candidates, random);
            cases.Add(new RankingCase(user, [.. candidates.Select(c => c.Job)], [.. candidates.Select(c => c.Relevant)], shown.Count, randomJobs.Count));
        }
        return new RankingCases(cases, randomPerUser);
    }

    /// <summary>Scores every case's candidates with one call and ranks them.</summary>
    public RankingMetrics Measure(Func<IReadOnlyList<(long UserId, long JobId)>, IReadOnlyList<double>> score, int k = RankingMetrics.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(score);
        var scores = score(Pairs);
        var lists = new List<UserRanking>(Cases.Count);
        var offset = 0;
        foreach (var c in Cases)
        {
            var own = new double[c.JobIds.Count];
            for (var i = 0; i < own.Length; i++) own[i] = scores[offset + i];
            lists.Add(new UserRanking(own, c.Relevant));
            offset += c.JobIds.Count;
        }
        return RankingMetrics.Average(lists, k);
    }

    private static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>One user's candidates (shuffled) and which of them they applied to.</summary>
public sealed record RankingCase(long UserId, IReadOnlyList<long> JobIds, IReadOnlyList<bool> Relevant, int Shown, int Random);
