using Dapper;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.TrainingWorker.JobBoard;
using MassTransit;

namespace iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;

[Collection(StackCollection.Name)]
public class When_a_job_is_closed_before_it_is_listed(Stack stack)
{
    private static readonly DateTimeOffset ListedAt = new(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task Should_hold_a_row_without_content_until_the_listing_then_keep_the_latest_content_and_the_earliest_times()
    {
        var id = 7_000_000_000L + Random.Shared.NextInt64(0, 1_000_000_000);
        var listing = new JobListed
        {
            EventId = NewId.NextGuid(), OccurredAt = ListedAt, JobId = id, Title = "Data Engineer", Description = "Our stack: airflow and dbt.",
            Company = "Lumen Labs", Location = "Berlin", RequiredSkills = ["airflow", "dbt", "sql"], SalaryMin = 70_000, SalaryMax = 85_000,
            JobType = JobTypes.FullTime, ExperienceLevel = ExperienceLevels.Mid,
        };
        var update = new JobUpdated
        {
            EventId = NewId.NextGuid(), OccurredAt = ListedAt.AddDays(3), JobId = id, Title = "Senior Data Engineer", Description = "Now with snowflake.",
            Company = "Lumen Labs", Location = "remote", RequiredSkills = ["airflow", "snowflake"], SalaryMin = 90_000, SalaryMax = 110_000,
            JobType = JobTypes.Contract, ExperienceLevel = ExperienceLevels.Senior,
        };
        var close = new JobClosed { EventId = NewId.NextGuid(), OccurredAt = ListedAt.AddDays(20), JobId = id };
        var laterClose = new JobClosed { EventId = NewId.NextGuid(), OccurredAt = ListedAt.AddDays(25), JobId = id };
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        var reader = new JobBoardSnapshotReader(db);
        try
        {
            await JobBoardReplay.PublishAndWaitAsync(stack, [close]);
            var bare = await connection.QuerySingleAsync<(string? Title, DateTime? ListedAt, DateTime ClosedAt)>(
                "SELECT title, listed_at, closed_at FROM jobboard.jobs WHERE job_id = @id", new { id });
            Assert.Null(bare.Title);
            Assert.Null(bare.ListedAt);
            Assert.Equal(close.OccurredAt.UtcDateTime, bare.ClosedAt);
            Assert.DoesNotContain((await reader.ReadAsync(CancellationToken.None)).Jobs, j => j.Facts.JobId == id);

            // The update arrives before the listing it updates, and a later close after everything.
            await JobBoardReplay.PublishAndWaitAsync(stack, [update]);
            await JobBoardReplay.PublishAndWaitAsync(stack, [listing]);
            await JobBoardReplay.PublishAndWaitAsync(stack, [laterClose]);

            var job = Assert.Single((await reader.ReadAsync(CancellationToken.None)).Jobs, j => j.Facts.JobId == id);
            Assert.Equal(update.Title, job.Facts.Title);
            Assert.Equal(update.Location, job.Facts.Location);
            Assert.Equal(update.RequiredSkills, job.Facts.RequiredSkills);
            Assert.Equal(update.SalaryMax, job.Facts.SalaryMax);
            Assert.Equal(update.ExperienceLevel, job.Facts.ExperienceLevel);
            Assert.Equal(listing.OccurredAt, job.ListedAt);
            Assert.Equal(close.OccurredAt, job.ClosedAt);
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM jobboard.jobs WHERE job_id = @id", new { id });
        }
    }
}
