using System.Collections.Concurrent;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>
/// A candidate job ready to rank: its facts (description dropped: nothing ranks on it once the skills are extracted),
/// its skill bag, and, under a job-recommender version, its encoding for the network.
/// </summary>
public sealed record CandidateJob(JobFacts Facts, DateTime? ListedAt, DateTime? ListingAt, IReadOnlyList<string> Skills, EncodedJob? Encoded);

/// <summary>
/// Open jobs as encoded for the active job-recommender version, kept between requests: extracting TF-IDF skill bags
/// for a thousand candidates on every request would cost more than scoring them. An entry is reused while its job's
/// content version (<c>listing_at</c>) is the one the request read; an update, a new listing or a new version of the
/// model re-encodes it. Without a model, the skill bag is the job's listed skills (there is no fitted vocabulary).
/// </summary>
public sealed class CandidateJobCache
{
    /// <summary>Past this many entries beyond the open jobs, entries of jobs no longer open are dropped.</summary>
    public const int Slack = 1_000;

    private Generation _current = new(null);

    /// <summary>How many jobs were encoded so far (misses): what shows the cache at work.</summary>
    public long Encoded => Interlocked.Read(ref _encoded);

    private long _encoded;

    /// <summary>
    /// The candidates in <paramref name="open"/>'s order, encoded under <paramref name="spec"/> (null: no model). Jobs the
    /// cache lacks at their current version are loaded with <paramref name="load"/> in one call; one that is gone by then
    /// (closed in between, say) is left out.
    /// </summary>
    public async Task<IReadOnlyList<CandidateJob>> GetAsync(JobRecommenderSpec? spec, IReadOnlyList<OpenJob> open,
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<JobListing>>> load, CancellationToken ct)
    {
        var generation = For(spec);
        var found = new CandidateJob?[open.Count];
        List<long>? missing = null;
        for (var i = 0; i < open.Count; i++)
        {
            if (generation.Jobs.TryGetValue(open[i].JobId, out var cached) && cached.ListingAt == open[i].ListingAt)
                found[i] = cached;
            else
                (missing ??= []).Add(open[i].JobId);
        }
        if (missing is not null)
        {
            var loaded = (await load(missing, ct)).ToDictionary(l => l.Facts.JobId);
            for (var i = 0; i < open.Count; i++)
            {
                if (found[i] is not null || !loaded.TryGetValue(open[i].JobId, out var listing)) continue;
                var candidate = Encode(spec, listing);
                generation.Jobs[candidate.Facts.JobId] = candidate;
                Interlocked.Increment(ref _encoded);
                found[i] = candidate;
            }
            Prune(generation, open);
        }
        var candidates = new List<CandidateJob>(open.Count);
        foreach (var candidate in found)
            if (candidate is not null) candidates.Add(candidate);
        return candidates;
    }

    /// <summary>The encoding of one listing: what the cache stores and what a test compares a served row with.</summary>
    public static CandidateJob Encode(JobRecommenderSpec? spec, JobListing listing)
    {
        var facts = listing.Facts with { Description = "" };
        if (spec is null)
        {
            var listed = listing.Facts.RequiredSkills.Select(SkillExtractor.Normalize).Where(s => s.Length > 0).Distinct().ToList();
            return new CandidateJob(facts, listing.ListedAt, listing.ListingAt, listed, null);
        }
        var encoded = EncodedJob.From(spec, listing.Facts);
        return new CandidateJob(facts, listing.ListedAt, listing.ListingAt, encoded.Skills, encoded);
    }

    /// <summary>The generation of this spec; a different spec (another version, or none) starts an empty one.</summary>
    private Generation For(JobRecommenderSpec? spec)
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (ReferenceEquals(current.Spec, spec)) return current;
            var next = new Generation(spec);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, current), current)) return next;
        }
    }

    private static void Prune(Generation generation, IReadOnlyList<OpenJob> open)
    {
        if (generation.Jobs.Count <= open.Count + Slack) return;
        // Mostly closed jobs; the few this user applied to or dismissed are open for others and get re-encoded on
        // their next miss, which is why this waits until the dead entries are many.
        var keep = open.Select(o => o.JobId).ToHashSet();
        foreach (var id in generation.Jobs.Keys)
            if (!keep.Contains(id)) generation.Jobs.TryRemove(id, out _);
    }

    private sealed class Generation(JobRecommenderSpec? spec)
    {
        public JobRecommenderSpec? Spec { get; } = spec;
        public ConcurrentDictionary<long, CandidateJob> Jobs { get; } = new();
    }
}
