using iAyos.Messaging.Predictions.CleaningMarketplace;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.ScoringWorker.Recommendations;
using iAyos.Messaging.Cli.Simulation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_a_marketplace_streams_through_the_bus(Stack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Should_score_tiers_in_order_and_recommend_within_the_distance()
    {
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(Jobs: 5000, Cleaners: 200, Clients: 500, Seed: 42, MarketplaceReplay.AsOf));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await MarketplaceReplay.ResetAsync(connection);

        var elapsed = await MarketplaceReplay.PublishAndWaitAsync(stack, market.Events, market.Events, connection, TimeSpan.FromMinutes(15));
        output.WriteLine($"{market.Events.Count} events applied in {elapsed.TotalSeconds:F1} s ({market.Events.Count / elapsed.TotalSeconds:F0} events/s)");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await MarketplaceReplay.RecomputeAsync(stack, connection, cleaners: 200);
        output.WriteLine($"RecomputeCleanerScores observed done in {watch.ElapsedMilliseconds} ms");

        // Mean overall score by the generator's hidden tier.
        var scores = (await connection.QueryAsync<(long CleanerId, double Overall)>("SELECT cleaner_id, overall_score FROM scoring.cleaner_scores")).ToList();
        double Mean(CleanerTier tier) => scores.Where(s => market.CleanerTiers[s.CleanerId] == tier).Average(s => s.Overall);
        output.WriteLine($"premium {Mean(CleanerTier.Premium):F2} experienced {Mean(CleanerTier.Experienced):F2} average {Mean(CleanerTier.Average):F2} budget {Mean(CleanerTier.Budget):F2}");
        Assert.True(Mean(CleanerTier.Premium) > Mean(CleanerTier.Experienced));
        Assert.True(Mean(CleanerTier.Experienced) > Mean(CleanerTier.Average));
        Assert.True(Mean(CleanerTier.Average) > Mean(CleanerTier.Budget));

        // Every cleaner recommended for an open job is within max_distance_km of its property, measured independently.
        var jobId = market.OpenJobIds[0];
        var posted = market.Events.OfType<JobPosted>().Single(j => j.JobId == jobId);
        var property = market.Events.OfType<PropertyRegistered>().Single(p => p.PropertyId == posted.PropertyId);
        var cleaners = market.Events.OfType<CleanerRegistered>().ToDictionary(c => c.CleanerId);
        var list = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/recommendations/jobs/{jobId}/cleaners?limit=10&max_distance_km=15");
        Assert.Equal("rule_based", list.GetProperty("mode").GetString());
        var items = list.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var cleaner = cleaners[item.GetProperty("cleaner_id").GetInt64()];
            Assert.True(GeoDistance.Kilometres(property.Latitude, property.Longitude, cleaner.Latitude, cleaner.Longitude) <= 15.0);
            Assert.True(item.GetProperty("distance_km").GetDouble() <= 15.0);
            var breakdown = item.GetProperty("breakdown");
            foreach (var part in new[] { "quality", "location", "pricing", "specialization", "availability" })
                Assert.InRange(breakdown.GetProperty(part).GetDouble(), 0, 100);
            Assert.NotEmpty(item.GetProperty("reasoning").EnumerateArray());
        }
        var ranks = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(ranks.OrderByDescending(s => s), ranks);
        Assert.Equal(items.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM scoring.cleaner_recommendations WHERE job_id = @jobId", new { jobId }));

        await Should_suggest_ordered_bids_and_track_outcomes(connection, jobId, items[0].GetProperty("cleaner_id").GetInt64(), items[0].GetProperty("recommendation_id").GetGuid());
    }

    private async Task Should_suggest_ordered_bids_and_track_outcomes(Npgsql.NpgsqlConnection connection, long jobId, long cleanerId, Guid cleanerRecommendationId)
    {
        var response = await stack.Http.PostAsJsonAsync("/api/recommendations/bid-suggestion", new { job_id = jobId, cleaner_id = cleanerId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggestion = await response.Content.ReadFromJsonAsync<JsonElement>();
        var min = suggestion.GetProperty("min_bid").GetDecimal();
        var optimal = suggestion.GetProperty("optimal_bid").GetDecimal();
        var max = suggestion.GetProperty("max_bid").GetDecimal();
        Assert.True(0 < min && min <= optimal && optimal <= max, $"{min} <= {optimal} <= {max}");
        var suggestionId = suggestion.GetProperty("suggestion_id").GetGuid();

        // The cleaner's recommended jobs, then upstream reports a bid on the first: the loop closes.
        var jobs = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/recommendations/cleaners/{cleanerId}/jobs?limit=5");
        var firstJob = jobs.GetProperty("recommendations").EnumerateArray().First();
        var recommendedJobId = firstJob.GetProperty("job_id").GetInt64();
        var bus = stack.Gateway.Services.GetRequiredService<IBus>();
        await bus.Publish(new BidPlaced
        {
            EventId = NewId.NextGuid(), OccurredAt = MarketplaceReplay.AsOf, BidId = 900_000_001, JobId = recommendedJobId, CleanerId = cleanerId, Amount = 80m,
        });
        var closed = await TestInfrastructure.EventuallyAsync(async () => await connection.ExecuteScalarAsync<bool>(
            "SELECT bid_placed_at IS NOT NULL FROM scoring.job_recommendations WHERE id = @id",
            new { id = firstJob.GetProperty("recommendation_id").GetGuid() }), TimeSpan.FromSeconds(15));
        Assert.True(closed, "a bid placed on a recommended job marks that recommendation");

        var outcome = await stack.Http.PostAsJsonAsync($"/api/recommendations/{suggestionId}/outcome", new { actual_bid = optimal, was_used = true });
        var contacted = await stack.Http.PostAsJsonAsync($"/api/recommendations/{cleanerRecommendationId}/outcome", new { outcome = "contacted" });
        var wrongKind = await stack.Http.PostAsJsonAsync($"/api/recommendations/{cleanerRecommendationId}/outcome", new { outcome = "bid_placed" });
        var feedback = await stack.Http.PostAsJsonAsync($"/api/recommendations/{cleanerRecommendationId}/feedback", new { feedback_type = "too_far", comment = "40 minutes by car" });
        var unknown = await stack.Http.PostAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}/feedback", new { feedback_type = "helpful" });

        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT was_used AND actual_bid = @optimal FROM scoring.bid_suggestions WHERE id = @suggestionId", new { suggestionId, optimal }));
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT contacted_at IS NOT NULL FROM scoring.cleaner_recommendations WHERE id = @cleanerRecommendationId", new { cleanerRecommendationId }));
        Assert.Equal("too_far", await connection.ExecuteScalarAsync<string>("SELECT feedback_type FROM scoring.recommendation_feedback WHERE recommendation_id = @cleanerRecommendationId", new { cleanerRecommendationId }));
    }

    [Theory]
    [InlineData("/api/recommendations/jobs/999999999/cleaners", HttpStatusCode.NotFound)]
    [InlineData("/api/recommendations/cleaners/999999999/jobs", HttpStatusCode.NotFound)]
    [InlineData("/api/recommendations/jobs/abc/cleaners", HttpStatusCode.BadRequest)]
    [InlineData("/api/recommendations/jobs/1/cleaners?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/recommendations/jobs/1/cleaners?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("/api/recommendations/jobs/1/cleaners?max_distance_km=-3", HttpStatusCode.BadRequest)]
    [InlineData("/api/recommendations/cleaners/0/jobs", HttpStatusCode.BadRequest)]
    public async Task Should_answer_404_for_unknown_ids_and_400_for_bad_values(string path, HttpStatusCode expected)
    {
        var response = await stack.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_send_an_impossible_review_to_the_error_queue_with_its_reason()
    {
        var bus = stack.Gateway.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();

        await bus.Publish(new ReviewSubmitted
        {
            EventId = NewId.NextGuid(), OccurredAt = MarketplaceReplay.AsOf, ReviewId = 900_000_002, JobId = 1, CleanerId = 1, ClientId = 1,
            Overall = 11, Quality = 9, Communication = 9, Professionalism = 9, Timeliness = 9,
        }, context => context.MessageId = messageId);

        var dead = await TestInfrastructure.FindInErrorQueueAsync(Contracts.QueueNames.MarketplaceEvents + "_error", messageId.ToString());
        Assert.NotNull(dead);
        Assert.Contains("overall", System.Text.Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["MT-Fault-Message"]!));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM marketplace.reviews WHERE id = 900000002"));
    }

    [Fact]
    public async Task Should_refuse_a_bid_suggestion_without_ids()
    {
        var response = await stack.Http.PostAsJsonAsync("/api/recommendations/bid-suggestion", new { job_id = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("cleaner_id", out _));
    }
}
