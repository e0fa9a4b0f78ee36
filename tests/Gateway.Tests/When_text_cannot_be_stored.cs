using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>PostgreSQL text cannot hold a NUL: such a value is refused up front, not a 5xx from the database later.</summary>
public class When_text_cannot_be_stored
{
    [Fact]
    public async Task Should_answer_400_naming_comment_for_feedback_with_a_nul()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();

        var response = await http.PostAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}/feedback",
            new { feedback_type = "helpful", comment = "fine\u0000" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _));
    }

    [Fact]
    public async Task Should_answer_400_naming_configuration_for_a_training_request_with_a_nul()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Admin());

        var response = await http.PostAsJsonAsync("/api/ml/train-price-model", new { configuration = "seed\u0000" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("configuration", out _));
    }
}
