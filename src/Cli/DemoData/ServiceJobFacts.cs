using iAyos.Messaging.Contracts.ServiceJobs;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>How many facts of each kind a list of iAyos events reports, or the read model holds of them.</summary>
public sealed record ServiceJobFacts(int Postings, int ProfileVersions, int Assignments, int Starts, int Completions, int Cancellations, int Reviews)
{
    /// <summary>The distinct facts <paramref name="events"/> report (a repeated event is one fact).</summary>
    public static ServiceJobFacts Of(IEnumerable<IServiceJobEvent> events)
    {
        var distinct = events.DistinctBy(Key).ToList();
        int Count<T>() => distinct.OfType<T>().Count();
        return new(Count<ServiceJobPosted>(), Count<WorkerProfileUpdated>(), Count<ServiceJobAssigned>(), Count<ServiceJobStarted>(),
            Count<ServiceJobCompleted>(), Count<ServiceJobCancelled>(), Count<ServiceJobReviewed>());
    }

    /// <summary>What identifies a fact in the read model: a profile version by worker and time, a job fact by job.</summary>
    public static (Type Kind, long Id, DateTimeOffset At) Key(IServiceJobEvent e) => e switch
    {
        WorkerProfileUpdated p => (e.GetType(), p.WorkerId, p.OccurredAt.ToUniversalTime()),
        ServiceJobPosted j => (e.GetType(), j.JobId, default),
        ServiceJobAssigned j => (e.GetType(), j.JobId, default),
        ServiceJobStarted j => (e.GetType(), j.JobId, default),
        ServiceJobCompleted j => (e.GetType(), j.JobId, default),
        ServiceJobCancelled j => (e.GetType(), j.JobId, default),
        ServiceJobReviewed j => (e.GetType(), j.JobId, default),
        _ => throw new ArgumentException($"{e.GetType().Name} is not an iAyos service-job event.", nameof(e)),
    };

    public int Total => Postings + ProfileVersions + Assignments + Starts + Completions + Cancellations + Reviews;

    /// <summary>"reviews 1200 of 1360, completions 1690 of 1700": each kind this holds fewer of than <paramref name="expected"/>.</summary>
    public string Missing(ServiceJobFacts expected) => string.Join(", ", Pairs(expected)
        .Where(p => p.Have < p.Want)
        .Select(p => $"{p.Name} {p.Have} of {p.Want}"));

    public override string ToString() => string.Join(", ", Pairs(this).Select(p => $"{p.Have} {p.Name}"));

    private IEnumerable<(string Name, int Have, int Want)> Pairs(ServiceJobFacts expected) =>
    [
        ("postings", Postings, expected.Postings), ("profile versions", ProfileVersions, expected.ProfileVersions),
        ("assignments", Assignments, expected.Assignments), ("starts", Starts, expected.Starts),
        ("completions", Completions, expected.Completions), ("cancellations", Cancellations, expected.Cancellations),
        ("reviews", Reviews, expected.Reviews),
    ];
}
