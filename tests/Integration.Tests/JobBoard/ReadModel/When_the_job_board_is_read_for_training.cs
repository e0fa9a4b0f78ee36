using Dapper;
using iAyos.Messaging.TrainingWorker.JobBoard;

namespace iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;

/// <summary>The TrainingWorker's reader on rows written here directly: what it leaves out, how it orders, what it maps.</summary>
[Collection(StackCollection.Name)]
public class When_the_job_board_is_read_for_training
{
    [Fact]
    public async Task Should_leave_out_jobs_without_content_and_order_interactions_by_time_then_event_id()
    {
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await JobBoardReplay.ResetAsync(connection);
        var at = new DateTime(2026, 10, 5, 12, 0, 0, DateTimeKind.Utc);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() }.OrderByDescending(g => g.ToString()).ToArray();
        await connection.ExecuteAsync("""
            INSERT INTO jobboard.jobs (job_id, title, description, company, location, required_skills, salary_min, salary_max, job_type,
                                       experience_level, listed_at, listing_at, closed_at)
            VALUES (2, 'Backend Engineer', 'golang and grpc', 'Cobalt Systems', 'Lisbon', '{golang,grpc}', 50000, 60000, 'full_time', 'mid', @at, @at, NULL),
                   (1, 'Site Reliability Engineer', 'kubernetes', 'Tidal Works', 'remote', '{}', NULL, NULL, 'contract', 'senior', @at, @at, @closed);
            INSERT INTO jobboard.jobs (job_id, closed_at) VALUES (3, @closed);
            INSERT INTO jobboard.users (user_id, skills, location, experience_level, desired_salary, profile_at)
            VALUES (10, '{golang}', 'Lisbon', 'mid', 55000, @at), (9, '{}', NULL, NULL, NULL, @at);
            INSERT INTO jobboard.interactions (event_id, user_id, job_id, interaction, occurred_at)
            VALUES (@first, 10, 2, 'viewed', @later), (@second, 10, 2, 'applied', @later), (@third, 9, 1, 'saved', @at);
            """, new { at, closed = at.AddDays(3), later = at.AddHours(1), first = ids[0], second = ids[1], third = ids[2] });
        try
        {
            var snapshot = await new JobBoardSnapshotReader(db).ReadAsync(CancellationToken.None);

            Assert.Equal([1L, 2L], snapshot.Jobs.Select(j => j.Facts.JobId));
            var sre = snapshot.Jobs[0];
            Assert.Equal(new DateTimeOffset(at.AddDays(3)), sre.ClosedAt);
            Assert.Equal(TimeSpan.Zero, sre.ListedAt.Offset);
            Assert.Empty(sre.Facts.RequiredSkills);
            Assert.Null(sre.Facts.SalaryMin);
            Assert.Equal(["golang", "grpc"], snapshot.Jobs[1].Facts.RequiredSkills);
            Assert.Equal(60000m, snapshot.Jobs[1].Facts.SalaryMax);
            Assert.Null(snapshot.Jobs[1].ClosedAt);

            Assert.Equal([9L, 10L], snapshot.Users.Select(u => u.UserId));
            Assert.Null(snapshot.Users[0].Location);
            Assert.Equal(55000m, snapshot.Users[1].DesiredSalary);

            // The saved one first (earlier); the two at the same instant by event id: ids[1] sorts before ids[0].
            Assert.Equal(["saved", "applied", "viewed"], snapshot.Interactions.Select(i => i.Interaction));
            Assert.Equal(new DateTimeOffset(at.AddHours(1)), snapshot.Interactions[2].OccurredAt);
        }
        finally
        {
            await JobBoardReplay.ResetAsync(connection);
        }
    }
}
