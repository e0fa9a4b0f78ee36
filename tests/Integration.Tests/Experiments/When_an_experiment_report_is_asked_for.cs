using System.Net;
using System.Text.Json;
using Dapper;

namespace iAyos.Messaging.Integration.Tests.Experiments;

[Collection(StackCollection.Name)]
public class When_an_experiment_report_is_asked_for(Stack stack)
{
    private const double Z = 1.959963984540054;

    [Fact]
    public async Task Should_count_each_arm_and_give_wilson_intervals()
    {
        var name = $"exp-{Guid.NewGuid():N}"[..20];
        // ensemble: 40 shown, 30 viewed, 12 contacted, 0 hired; neural: 25 shown, all viewed, 5 contacted, 2 hired.
        await InsertAsync(name, "ensemble", shown: 40, viewed: 30, contacted: 12, hired: 0);
        await InsertAsync(name, "neural", shown: 25, viewed: 25, contacted: 5, hired: 2);
        await InsertAsync(null, null, shown: 3, viewed: 3, contacted: 3, hired: 3); // outside any experiment

        var response = await stack.Http.GetAsync($"/api/recommendations/experiments/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(name, report.GetProperty("experiment").GetString());
        var arms = report.GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("arm").GetString()!);
        Assert.Equal(["ensemble", "neural"], arms.Keys.Order());

        var ensemble = arms["ensemble"];
        Assert.Equal([40, 30, 12, 0], new[] { "shown", "viewed", "contacted", "hired" }.Select(f => ensemble.GetProperty(f).GetInt64()));
        AssertRateInside(ensemble.GetProperty("view_rate"), 30, 40);
        AssertRateInside(ensemble.GetProperty("contact_rate"), 12, 40);
        // No successes: the interval is [0, z^2 / (n + z^2)].
        var hires = ensemble.GetProperty("hire_rate");
        Assert.Equal(0, hires.GetProperty("rate").GetDouble());
        Assert.Equal(0, hires.GetProperty("low").GetDouble(), 9);
        Assert.Equal(Z * Z / (40 + Z * Z), hires.GetProperty("high").GetDouble(), 9);

        var neural = arms["neural"];
        Assert.Equal([25, 25, 5, 2], new[] { "shown", "viewed", "contacted", "hired" }.Select(f => neural.GetProperty(f).GetInt64()));
        // All successes: the interval is [n / (n + z^2), 1].
        var views = neural.GetProperty("view_rate");
        Assert.Equal(1, views.GetProperty("rate").GetDouble());
        Assert.Equal(25 / (25 + Z * Z), views.GetProperty("low").GetDouble(), 9);
        Assert.Equal(1, views.GetProperty("high").GetDouble(), 9);
        AssertRateInside(neural.GetProperty("hire_rate"), 2, 25);
    }

    [Fact]
    public async Task Should_answer_404_for_an_experiment_with_no_recommendations()
    {
        var response = await stack.Http.GetAsync("/api/recommendations/experiments/never-ran");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Has%20Spaces")]
    [InlineData("UPPER")]
    [InlineData("-starts-with-dash")]
    public async Task Should_answer_400_naming_the_name(string name)
    {
        var response = await stack.Http.GetAsync($"/api/recommendations/experiments/{name}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    /// <summary>The rate is successes/trials and strictly inside its interval, which is strictly inside [0, 1].</summary>
    private static void AssertRateInside(JsonElement rate, int successes, int trials)
    {
        var (p, low, high) = (rate.GetProperty("rate").GetDouble(), rate.GetProperty("low").GetDouble(), rate.GetProperty("high").GetDouble());
        Assert.Equal((double)successes / trials, p, 12);
        Assert.InRange(low, double.Epsilon, p - 1e-9);
        Assert.InRange(high, p + 1e-9, 1 - 1e-9);
        // Wilson's interval is the set of proportions q whose score test does not reject: |p - q| = z * sqrt(q(1-q)/n) at both ends.
        foreach (var q in new[] { low, high })
            Assert.Equal(Math.Abs(p - q), Z * Math.Sqrt(q * (1 - q) / trials), 9);
    }

    private static async Task InsertAsync(string? experiment, string? arm, int shown, int viewed, int contacted, int hired)
    {
        const string sql = """
            INSERT INTO scoring.cleaner_recommendations (id, job_id, cleaner_id, client_id, rank, score, breakdown, reasoning, mode,
                                                         experiment, arm, viewed_at, contacted_at, hired_at)
            SELECT gen_random_uuid(), 1, i, 1, 1, 50, '{}', '[]', coalesce(@arm, 'rule_based'), @experiment, @arm,
                   CASE WHEN i <= @viewed THEN now() END, CASE WHEN i <= @contacted THEN now() END, CASE WHEN i <= @hired THEN now() END
            FROM generate_series(1, @shown) AS i
            """;
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, new { experiment, arm, shown, viewed, contacted, hired });
    }
}
