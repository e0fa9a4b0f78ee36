using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>
/// Folds job-board events into a snapshot in memory, with the ScoringWorker's semantics (JobBoardSql): a job keeps the
/// content of its latest listing or update by OccurredAt, listed at the earliest of them and closed at the earliest
/// close; a job never listed (only closed) has no content and is left out, as the snapshot reader leaves it out; a user
/// keeps their latest profile; each interaction counts once by its event id. Any arrival order gives the same snapshot.
/// </summary>
public static class JobBoardFold
{
    public static JobBoardSnapshot Fold(IEnumerable<IJobBoardEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var listings = new Dictionary<long, (JobFacts Facts, DateTimeOffset At)>();
        var listedAt = new Dictionary<long, DateTimeOffset>();
        var closedAt = new Dictionary<long, DateTimeOffset>();
        var users = new Dictionary<long, (UserFacts Facts, DateTimeOffset At)>();
        var interactions = new Dictionary<Guid, InteractionRecord>();

        foreach (var e in events)
        {
            var at = e.OccurredAt.ToUniversalTime();
            switch (e)
            {
                case JobListed j:
                    List(j.JobId, new JobFacts(j.JobId, j.Title, j.Description, j.Company, j.Location, j.RequiredSkills, j.SalaryMin, j.SalaryMax, j.JobType, j.ExperienceLevel), at);
                    break;
                case JobUpdated j:
                    List(j.JobId, new JobFacts(j.JobId, j.Title, j.Description, j.Company, j.Location, j.RequiredSkills, j.SalaryMin, j.SalaryMax, j.JobType, j.ExperienceLevel), at);
                    break;
                case JobClosed c:
                    closedAt[c.JobId] = closedAt.TryGetValue(c.JobId, out var closed) && closed < at ? closed : at;
                    break;
                case UserProfileUpdated u:
                    if (!users.TryGetValue(u.UserId, out var current) || current.At <= at)
                        users[u.UserId] = (new UserFacts(u.UserId, u.Skills, u.Location, u.ExperienceLevel, u.DesiredSalary), at);
                    break;
                case UserInteracted i:
                    interactions.TryAdd(i.EventId, new InteractionRecord(i.UserId, i.JobId, i.Interaction, at));
                    break;
            }
        }

        return new JobBoardSnapshot(
            [.. listings.OrderBy(l => l.Key).Select(l => new JobRecord(l.Value.Facts, listedAt[l.Key], closedAt.TryGetValue(l.Key, out var c) ? c : null))],
            [.. users.OrderBy(u => u.Key).Select(u => u.Value.Facts)],
            // The reader's order: occurred_at, then event id as PostgreSQL orders uuids (their text, byte by byte).
            [.. interactions.OrderBy(i => i.Value.OccurredAt).ThenBy(i => i.Key.ToString(), StringComparer.Ordinal).Select(i => i.Value)]);

        void List(long jobId, JobFacts facts, DateTimeOffset at)
        {
            if (!listings.TryGetValue(jobId, out var current) || current.At <= at)
                listings[jobId] = (facts, at);
            listedAt[jobId] = listedAt.TryGetValue(jobId, out var first) && first < at ? first : at;
        }
    }
}
