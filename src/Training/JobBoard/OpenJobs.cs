namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// The board's jobs in listing order, for drawing random jobs that were open at a time (or during a period): a job
/// is open from its listing until its close. Draws are by rejection, seeded by the caller's Random, so the same
/// snapshot and seed give the same jobs.
/// </summary>
public sealed class OpenJobs
{
    /// <summary>Tries per wanted job before giving up on a crowded period (a user who touched nearly every open job).</summary>
    public const int TriesPerJob = 50;

    private readonly JobRecord[] _byListing;
    private readonly DateTimeOffset[] _listedAt;

    public OpenJobs(IEnumerable<JobRecord> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _byListing = [.. jobs.OrderBy(j => j.ListedAt).ThenBy(j => j.Facts.JobId)];
        _listedAt = [.. _byListing.Select(j => j.ListedAt)];
    }

    /// <summary>Up to <paramref name="count"/> distinct jobs open at some instant of [<paramref name="from"/>, <paramref name="to"/>]
    /// for which <paramref name="excluded"/> is false.</summary>
    public List<long> Draw(DateTimeOffset from, DateTimeOffset to, int count, Func<long, bool> excluded, Random random)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentNullException.ThrowIfNull(random);
        var drawn = new List<long>(count);
        if (count <= 0) return drawn;
        // Jobs listed by the end of the period are the candidates; those closed before it starts are rejected.
        var listed = UpperBound(to);
        if (listed == 0) return drawn;
        var taken = new HashSet<long>();
        for (var tries = 0; drawn.Count < count && tries < count * TriesPerJob; tries++)
        {
            var job = _byListing[random.Next(listed)];
            var id = job.Facts.JobId;
            if (job.ClosedAt is { } closed && closed <= from) continue;
            if (excluded(id) || !taken.Add(id)) continue;
            drawn.Add(id);
        }
        return drawn;
    }

    /// <summary>How many jobs were listed at or before <paramref name="time"/>.</summary>
    private int UpperBound(DateTimeOffset time)
    {
        int lo = 0, hi = _listedAt.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_listedAt[mid] <= time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
