using System.Text;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.ServiceJobs;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

[Collection(StackCollection.Name)]
public class When_a_bad_service_job_event_arrives(Stack stack)
{
    private const string ErrorQueue = QueueNames.ServiceJobEvents + "_error";

    [Theory]
    [InlineData("rating")]
    [InlineData("satisfaction")]
    [InlineData("category_id")]
    [InlineData("urgency")]
    [InlineData("skill_level")]
    [InlineData("job_type")]
    [InlineData("budget")]
    [InlineData("profile_completion")]
    [InlineData("years_experience")]
    [InlineData("hourly_rate")]
    public async Task Should_go_to_the_error_queue_naming_the_field_and_write_nothing(string field)
    {
        var id = 6_000_000_000L + Random.Shared.NextInt64(0, 1_000_000_000);
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var posted = new ServiceJobPosted
        {
            EventId = NewId.NextGuid(), OccurredAt = at, JobId = id, CategoryId = 1, Title = "Fix sink", Budget = 1800,
            Urgency = "MEDIUM", SkillLevel = "INTERMEDIATE", JobType = "LISTING",
        };
        var profile = new WorkerProfileUpdated
        {
            EventId = NewId.NextGuid(), OccurredAt = at, WorkerId = id, DisplayName = "Jose Santos", ProfileCompletion = 80,
            HourlyRate = 300, YearsExperience = 5,
        };
        var review = new ServiceJobReviewed { EventId = NewId.NextGuid(), OccurredAt = at, JobId = id, WorkerId = id, Rating = 4, Satisfaction = 80 };
        object bad = field switch
        {
            "rating" => review with { Rating = 6 },
            "satisfaction" => review with { Satisfaction = 120 },
            "category_id" => posted with { CategoryId = 999 },
            "urgency" => posted with { Urgency = "WHENEVER" },
            "skill_level" => posted with { SkillLevel = "GURU" },
            "job_type" => posted with { JobType = "AUCTION" },
            "budget" => posted with { Budget = -1 },
            "profile_completion" => profile with { ProfileCompletion = 150 },
            "years_experience" => profile with { YearsExperience = -2 },
            "hourly_rate" => profile with { HourlyRate = -300 },
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
            SELECT (SELECT count(*) FROM iayos.job_postings WHERE id = @id) + (SELECT count(*) FROM iayos.job_progress WHERE job_id = @id)
                 + (SELECT count(*) FROM iayos.worker_profiles WHERE worker_id = @id)
            """, new { id }));
    }

    [Fact]
    public async Task Should_keep_folding_good_events_after_a_bad_one()
    {
        await using var replay = await ServiceJobReplay.CreateAsync(jobs: 20, workers: 5, seed: 3);
        var bad = new ServiceJobReviewed { EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, JobId = replay.JobIds[0], WorkerId = replay.WorkerIds[0], Rating = 0, Satisfaction = 50 };
        await stack.Gateway.Services.GetRequiredService<IBus>().Publish(bad);

        await replay.PublishAndWaitAsync(stack, replay.Events);
    }
}
