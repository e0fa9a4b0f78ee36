using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Gateway.Tests;

public class When_the_worker_faults_or_is_silent
{
    private static readonly object Request = new { title = "Fix sink", category_id = 1, urgency = "HIGH" };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_answer_502_with_a_correlation_id_when_the_worker_faults(bool coalescing)
    {
        await using var gateway = new GatewayOnTestHarness(x =>
            x.AddConsumer<FailingPriceConsumer>().Endpoint(e => e.Name = PriceBudgetKind.QueueName),
            new Dictionary<string, string> { ["Gateway:Coalescing:Enabled"] = coalescing.ToString() });
        using var http = gateway.CreateClient();

        var response = await http.PostAsJsonAsync("/api/ml/predict-price", Request);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(Guid.TryParse(problem.GetProperty("correlation_id").GetString(), out _));
        // The exception's type, not its text: a worker's message may name hosts, files or credentials.
        Assert.Contains("InvalidOperationException", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("model file is corrupt", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_answer_from_the_gateway_fallback_when_no_worker_consumes(bool coalescing)
    {
        await using var gateway = new GatewayOnTestHarness(_ => { },
            new Dictionary<string, string> { ["Gateway:Coalescing:Enabled"] = coalescing.ToString() });
        using var http = gateway.CreateClient();

        var response = await http.PostAsJsonAsync("/api/ml/predict-price", Request);
        var medium = await http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix sink", category_id = 1, urgency = "MEDIUM" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var mediumBody = await medium.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gateway_fallback", body.GetProperty("source").GetString());
        Assert.Equal("gateway_fallback", mediumBody.GetProperty("source").GetString());
        Assert.Equal("timeout", body.GetProperty("fallback_reason").GetString());
        Assert.Equal("Plumbing", body.GetProperty("category").GetString());
        Assert.True(body.GetProperty("min_price").GetDecimal() <= body.GetProperty("suggested_price").GetDecimal());
        // The same Plumbing range, times the HIGH urgency multiplier (each price rounded to centavos on its own).
        var high = body.GetProperty("suggested_price").GetDecimal();
        var expected = mediumBody.GetProperty("suggested_price").GetDecimal() * PriceMultipliers.ForUrgency("HIGH");
        Assert.Equal(1.25m, PriceMultipliers.ForUrgency("HIGH"));
        Assert.InRange(high, expected - 0.02m, expected + 0.02m);
    }
}
