using System.Text;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;

[Collection(StackCollection.Name)]
public class When_a_bad_job_board_event_arrives(Stack stack)
{
    private const string ErrorQueue = QueueNames.JobBoardEvents + "_error";

    [Theory]
    [InlineData("salary_min", "min above max")]
    [InlineData("salary_max", "negative")]
    [InlineData("salary_min", "negative")]
    [InlineData("desired_salary", "negative")]
    [InlineData("title", "empty")]
    [InlineData("title", "too long")]
    [InlineData("company", "blank")]
    [InlineData("location", "empty")]
    [InlineData("description", "too long")]
    [InlineData("required_skills", "too many")]
    [InlineData("required_skills[1]", "empty skill")]
    [InlineData("job_type", "unknown")]
    [InlineData("experience_level", "unknown")]
    [InlineData("experience_level", "unknown in a profile")]
    [InlineData("interaction", "unknown")]
    [InlineData("job_id", "zero")]
    [InlineData("job_id", "negative close")]
    [InlineData("user_id", "zero")]
    [InlineData("skills", "too many")]
    public async Task Should_go_to_the_error_queue_naming_the_field_and_write_nothing(string field, string problem)
    {
        var id = 8_000_000_000L + Random.Shared.NextInt64(0, 1_000_000_000);
        var at = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var listing = new JobListed
        {
            EventId = NewId.NextGuid(), OccurredAt = at, JobId = id, Title = "QA Engineer", Description = "cypress and jest", Company = "Acme Labs",
            Location = "Manila", RequiredSkills = ["cypress", "jest", "playwright"], SalaryMin = 30_000, SalaryMax = 40_000,
            JobType = JobTypes.FullTime, ExperienceLevel = ExperienceLevels.Entry,
        };
        var profile = new UserProfileUpdated { EventId = NewId.NextGuid(), OccurredAt = at, UserId = id, Skills = ["jest"], Location = "Manila", DesiredSalary = 35_000 };
        var interaction = new UserInteracted { EventId = NewId.NextGuid(), OccurredAt = at, UserId = id, JobId = id, Interaction = InteractionKinds.Viewed };
        object bad = (field, problem) switch
        {
            ("salary_min", "min above max") => listing with { SalaryMin = 50_000 },
            ("salary_max", _) => listing with { SalaryMin = null, SalaryMax = -1 },
            ("salary_min", _) => listing with { SalaryMin = -5 },
            ("desired_salary", _) => profile with { DesiredSalary = -1 },
            ("title", "empty") => listing with { Title = "" },
            ("title", _) => listing with { Title = new string('x', 301) },
            ("company", _) => listing with { Company = "   " },
            ("location", _) => listing with { Location = "" },
            ("description", _) => listing with { Description = new string('y', 20_001) },
            ("required_skills", _) => listing with { RequiredSkills = Enumerable.Range(0, 51).Select(i => $"skill {i}").ToList() },
            ("required_skills[1]", _) => listing with { RequiredSkills = ["jest", " "] },
            ("job_type", _) => listing with { JobType = "gig" },
            ("experience_level", "unknown") => listing with { ExperienceLevel = "guru" },
            ("experience_level", _) => profile with { ExperienceLevel = "guru" },
            ("interaction", _) => interaction with { Interaction = "clicked" },
            ("job_id", "zero") => interaction with { JobId = 0 },
            ("job_id", _) => new JobClosed { EventId = NewId.NextGuid(), OccurredAt = at, JobId = -id },
            ("user_id", _) => profile with { UserId = 0 },
            ("skills", _) => profile with { Skills = Enumerable.Range(0, 101).Select(i => $"skill {i}").ToList() },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var messageId = NewId.NextGuid();

        await stack.Gateway.Services.GetRequiredService<IBus>().Publish(bad, bad.GetType(), context => context.MessageId = messageId);

        var dead = await TestInfrastructure.FindInErrorQueueAsync(ErrorQueue, messageId.ToString());
        Assert.NotNull(dead);
        var reason = Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Contains(field, reason);

        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT (SELECT count(*) FROM jobboard.jobs WHERE job_id IN (@id, -@id, 0))
                 + (SELECT count(*) FROM jobboard.users WHERE user_id IN (@id, 0))
                 + (SELECT count(*) FROM jobboard.interactions WHERE user_id IN (@id, 0) OR job_id IN (@id, 0))
            """, new { id }));
    }
}
