using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_jobs_complete(Stack stack)
{
    private const int Laundry = 16;

    [Fact]
    public async Task Should_refresh_the_category_averages_the_fallback_answers_from()
    {
        await stack.EnsureInferenceRunningAsync();
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        var firstId = 9_000_000_000L + Random.Shared.Next(1, 1_000_000) * 100L;
        try
        {
            var before = await PredictAsync();

            // 30 completed laundry jobs at 5,000 PHP, far above the 700 PHP default.
            // iayos.jobs is a view: a posting and its lifecycle facts, as the ScoringWorker folds them from events.
            await connection.ExecuteAsync("""
                INSERT INTO iayos.job_postings (id, category_id, title, budget, urgency, skill_level, job_type, created_at)
                SELECT @firstId + g, @Laundry, 'Wash and fold', 5000, 'MEDIUM', 'INTERMEDIATE', 'LISTING', now() - interval '2 days'
                FROM generate_series(1, 30) AS g;
                INSERT INTO iayos.job_progress (job_id, started_at, completed_at)
                SELECT @firstId + g, now() - interval '1 day', now() - interval '1 day' + interval '3 hours'
                FROM generate_series(1, 30) AS g;
                """, new { firstId, Laundry });
            await stack.Admin.PostAsync("/api/ml/reload-model", null);

            JsonElement after = default;
            var moved = await TestInfrastructure.EventuallyAsync(async () =>
            {
                after = await PredictAsync();
                return after.GetProperty("suggested_price").GetDecimal() > before.GetProperty("suggested_price").GetDecimal();
            }, TimeSpan.FromSeconds(15));

            Assert.True(moved, $"suggested price should rise after the reload: {before} -> {after}");
            Assert.True(after.GetProperty("confidence").GetDouble() > before.GetProperty("confidence").GetDouble());
        }
        finally
        {
            await connection.ExecuteAsync("""
                DELETE FROM iayos.job_progress WHERE job_id > @firstId AND job_id <= @firstId + 30;
                DELETE FROM iayos.job_postings WHERE id > @firstId AND id <= @firstId + 30;
                """, new { firstId });
        }
    }

    private async Task<JsonElement> PredictAsync()
    {
        var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Laundry pickup", category_id = Laundry });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fallback", body.GetProperty("source").GetString());
        return body;
    }
}
