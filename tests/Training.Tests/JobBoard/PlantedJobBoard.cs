using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.Tests.JobBoard;

/// <summary>
/// A small job board with a planted preference: every user and job belongs to one of <see cref="Groups"/> skill
/// groups; shown a job of their own group a user applies with probability 0.6, another group's 0.04. Jobs are listed
/// over 125 days of the 130 the interactions span (so the latest appear only in the test part) and stay open 40; each interaction shows a user an open job (half the time one of their own group),
/// recorded as viewed, then applied (with the planted probability), else sometimes saved or dismissed.
/// </summary>
internal static class PlantedJobBoard
{
    public const int Groups = 4;
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[][] GroupSkills =
    [
        ["python", "pandas", "sql"],
        ["c#", "asp.net", "azure"],
        ["react", "typescript", "css"],
        ["kubernetes", "terraform", "linux"],
    ];
    private static readonly string[] Locations = ["manila", "cebu", "davao", "remote"];

    public sealed record Board(JobBoardSnapshot Snapshot, Func<long, long, double> Truth);

    public static long GroupOf(long id) => id % Groups;

    public static double ApplyProbability(long userId, long jobId) => GroupOf(userId) == GroupOf(jobId) ? 0.6 : 0.04;

    public static Board Build(int seed = 7, int users = 80, int jobs = 240, int interactions = 6000)
    {
        var random = new Random(seed);
        var jobRecords = new List<JobRecord>();
        for (long j = 1; j <= jobs; j++)
        {
            var skills = GroupSkills[GroupOf(j)];
            var facts = new JobFacts(j, $"{skills[0]} developer", $"We use {skills[0]}, {skills[1]} and {skills[2]} every day.",
                $"Company {j % 7}", Locations[j % Locations.Length], [skills[0], skills[1]], 30_000, 60_000, JobTypes.FullTime, ExperienceLevels.Mid);
            var listed = Start + TimeSpan.FromHours(random.Next(0, 24 * 125));
            jobRecords.Add(new JobRecord(facts, listed, listed + TimeSpan.FromDays(40)));
        }
        var userFacts = Enumerable.Range(1, users)
            .Select(u => new UserFacts(u, GroupSkills[GroupOf(u)], Locations[u % Locations.Length], ExperienceLevels.Mid, 40_000m))
            .ToList();

        var events = new List<InteractionRecord>();
        for (var i = 0; i < interactions; i++)
        {
            var time = Start + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 130));
            var open = jobRecords.Where(j => j.ListedAt <= time && j.ClosedAt > time).ToList();
            if (open.Count == 0) continue;
            long user = random.Next(1, users + 1);
            var own = open.Where(j => GroupOf(j.Facts.JobId) == GroupOf(user)).ToList();
            var job = (own.Count > 0 && random.Next(2) == 0 ? own[random.Next(own.Count)] : open[random.Next(open.Count)]).Facts.JobId;
            events.Add(new InteractionRecord(user, job, InteractionKinds.Viewed, time));
            if (random.NextDouble() < ApplyProbability(user, job))
                events.Add(new InteractionRecord(user, job, InteractionKinds.Applied, time + TimeSpan.FromMinutes(5)));
            else if (random.Next(4) == 0)
                events.Add(new InteractionRecord(user, job, random.Next(2) == 0 ? InteractionKinds.Saved : InteractionKinds.Dismissed, time + TimeSpan.FromMinutes(3)));
        }
        events.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return new Board(new JobBoardSnapshot(jobRecords, userFacts, events), ApplyProbability);
    }
}
