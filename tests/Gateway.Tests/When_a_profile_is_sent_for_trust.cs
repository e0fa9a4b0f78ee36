using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>POST /api/ml/evaluate-trust: impossible profiles are refused naming the field before anything is sent; with
/// no worker listening, the seed's threshold rules answer in the Gateway with the indicators and the reasons.</summary>
public class When_a_profile_is_sent_for_trust
{
    private static object Profile(string secondEnd) => new
    {
        bio = "Plumber in Cebu: I fixed 120 leaks and installed 30 water heaters since 2021.",
        skills = new[] { "plumbing", "water heaters" },
        projects = new object[]
        {
            new { title = "Condo repiping", description = "Repiped 12 units.", technologies = new[] { "plumbing" }, start_date = "2021-03-01", end_date = "2021-09-01", link = "https://example.com/repiping" },
            new { title = "Heater installs", description = "30 water heaters.", technologies = new[] { "water heaters" }, start_date = "2022-01-10", end_date = secondEnd, link = (string?)null },
        },
    };

    [Fact]
    public async Task Should_refuse_an_end_date_before_its_start_naming_the_field()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();

        var response = await http.PostAsJsonAsync("/api/ml/evaluate-trust", Profile(secondEnd: "2021-12-31"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["projects[1].end_date"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Should_refuse_a_date_that_is_not_a_date_naming_the_field()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();

        var response = await http.PostAsJsonAsync("/api/ml/evaluate-trust", Profile(secondEnd: "last spring"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("end_date", body);
    }

    [Fact]
    public async Task Should_answer_with_the_rules_indicators_and_flags_when_no_worker_answers()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();

        var response = await http.PostAsJsonAsync("/api/ml/evaluate-trust", Profile(secondEnd: "2023-01-10"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gateway_fallback", body.GetProperty("source").GetString());
        var indicators = body.GetProperty("indicators");
        Assert.Equal(2, indicators.GetProperty("num_projects").GetInt32());
        Assert.Equal(0.5, indicators.GetProperty("project_link_ratio").GetDouble());
        Assert.Equal(0, indicators.GetProperty("overlap_count").GetInt32());
        // 2 projects (fewer than 3) is the one failed check of six.
        Assert.Equal(Math.Round(5 / 6.0, 4), body.GetProperty("trust_probability").GetDouble());
        Assert.Equal(83.3, body.GetProperty("trust_score").GetDouble());
        Assert.Equal("trustworthy", body.GetProperty("label").GetString());
        Assert.Contains(body.GetProperty("flags").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "few_projects" && f.GetProperty("reason").GetString() == "only 2 projects listed");
    }
}
