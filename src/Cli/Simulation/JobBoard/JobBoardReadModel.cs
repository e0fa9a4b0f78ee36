using Dapper;
using iAyos.Messaging.Training.JobBoard;
using Npgsql;

namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>How much of a generated board the read model holds exactly as the snapshot says: jobs (latest listing and close), profiles, interactions.</summary>
public sealed record JobBoardHeld(int Jobs, int Users, int Interactions)
{
    public static JobBoardHeld All(JobBoardSnapshot snapshot) => new(snapshot.Jobs.Count, snapshot.Users.Count, snapshot.Interactions.Count);

    public override string ToString() => $"{Jobs} jobs, {Users} profiles, {Interactions} interactions";
}

/// <summary>
/// Watches the ScoringWorker fold a generated board into jobboard.*, so the seeding command can return only when training
/// would read the whole board. A job counts once its row carries the latest listing time and the close the snapshot has,
/// a profile once it is the latest, an interaction once its event is in: counts that only reach the target when every
/// event, whatever the order it arrived in, has been applied.
/// </summary>
public sealed class JobBoardReadModel(NpgsqlDataSource dataSource)
{
    private const string HeldSql = """
        SELECT
          (SELECT count(*) FROM jobboard.jobs j JOIN unnest(@JobIds, @ListingAts, @ClosedAts) AS x(job_id, listing_at, closed_at)
             ON j.job_id = x.job_id AND j.title IS NOT NULL AND j.listing_at = x.listing_at AND j.closed_at IS NOT DISTINCT FROM x.closed_at)::int AS jobs,
          (SELECT count(*) FROM jobboard.users u JOIN unnest(@UserIds, @ProfileAts) AS x(user_id, profile_at)
             ON u.user_id = x.user_id AND u.profile_at = x.profile_at)::int AS users,
          (SELECT count(*) FROM jobboard.interactions WHERE event_id = ANY(@EventIds))::int AS interactions
        """;

    public async Task<JobBoardHeld> HeldAsync(GeneratedJobBoard board, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(board);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<JobBoardHeld>(new CommandDefinition(HeldSql, Parameters(board), cancellationToken: ct));
    }

    /// <summary>Polls until the read model holds the whole board; a <see cref="TimeoutException"/> says what is missing.</summary>
    public async Task<JobBoardHeld> WaitForAsync(GeneratedJobBoard board, TimeSpan timeout, CancellationToken ct)
    {
        var expected = JobBoardHeld.All(board.Snapshot);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var held = await HeldAsync(board, ct);
            if (held == expected)
                return held;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException(
                    $"After {timeout.TotalSeconds:F0} s the read model holds {held} of {expected}. " +
                    "Is the ScoringWorker running and consuming its job-board queue?");
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private static DynamicParameters Parameters(GeneratedJobBoard board)
    {
        // The latest listing time of each job: what listing_at ends at once every listing and update is in.
        var listingAts = new Dictionary<long, DateTimeOffset>();
        var profileAts = new Dictionary<long, DateTimeOffset>();
        var eventIds = new List<Guid>();
        foreach (var e in board.Events)
        {
            switch (e)
            {
                case Contracts.JobBoard.JobListed j: Latest(listingAts, j.JobId, j.OccurredAt); break;
                case Contracts.JobBoard.JobUpdated j: Latest(listingAts, j.JobId, j.OccurredAt); break;
                case Contracts.JobBoard.UserProfileUpdated u: Latest(profileAts, u.UserId, u.OccurredAt); break;
                case Contracts.JobBoard.UserInteracted i: eventIds.Add(i.EventId); break;
            }
        }
        var jobs = board.Snapshot.Jobs;
        var parameters = new DynamicParameters();
        parameters.Add("JobIds", jobs.Select(j => j.Facts.JobId).ToArray());
        parameters.Add("ListingAts", jobs.Select(j => listingAts[j.Facts.JobId].UtcDateTime).ToArray());
        parameters.Add("ClosedAts", jobs.Select(j => j.ClosedAt?.UtcDateTime).ToArray());
        parameters.Add("UserIds", profileAts.Keys.ToArray());
        parameters.Add("ProfileAts", profileAts.Values.Select(v => v.UtcDateTime).ToArray());
        parameters.Add("EventIds", eventIds.ToArray());
        return parameters;

        static void Latest(Dictionary<long, DateTimeOffset> latest, long id, DateTimeOffset at)
        {
            if (!latest.TryGetValue(id, out var current) || current < at)
                latest[id] = at;
        }
    }
}
