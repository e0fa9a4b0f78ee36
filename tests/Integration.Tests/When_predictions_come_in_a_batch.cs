using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_predictions_come_in_a_batch(Stack stack)
{
    [Fact]
    public async Task Should_answer_every_row_in_order_with_errors_for_invalid_rows()
    {
        await stack.EnsureInferenceRunningAsync();
        object[] rows =
        [
            new { category_id = 1, budget = 1500 },
            new { category_id = 2, urgency = "ASAP" },
            42,
            new { category = "Painting", budget = 9000, urgency = "HIGH" },
            new { budget = "lots" },
        ];

        var response = await stack.Http.PostAsJsonAsync("/api/ml/batch-predict", new { kind = "completion-time", rows });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        Assert.Equal(3, body.GetProperty("invalid").GetInt32());
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("fallback", results[0].GetProperty("prediction").GetProperty("source").GetString());
        Assert.Equal("Plumbing", results[0].GetProperty("prediction").GetProperty("category").GetString());
        Assert.True(results[1].GetProperty("errors").TryGetProperty("urgency", out _));
        Assert.True(results[2].GetProperty("errors").TryGetProperty("row", out _));
        Assert.Equal("Painting", results[3].GetProperty("prediction").GetProperty("category").GetString());
        Assert.True(results[4].GetProperty("errors").TryGetProperty("budget", out _));
    }

    [Fact]
    public async Task Should_answer_a_thousand_price_rows()
    {
        await stack.EnsureInferenceRunningAsync();
        var rows = Enumerable.Range(0, 1000).Select(i => new { title = $"Job {i}", category_id = i % 20 + 1 }).ToArray();

        var body = await (await stack.Http.PostAsJsonAsync("/api/ml/batch-predict", new { kind = "price-budget", rows }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(1000, results.Count);
        Assert.All(results, r =>
        {
            var p = r.GetProperty("prediction");
            Assert.True(p.GetProperty("min_price").GetDecimal() <= p.GetProperty("suggested_price").GetDecimal());
            Assert.True(p.GetProperty("suggested_price").GetDecimal() <= p.GetProperty("max_price").GetDecimal());
        });
    }

    [Theory]
    [InlineData("""{"kind":"completion-time","rows":[]}""", "rows")]
    [InlineData("""{"kind":"horoscope","rows":[{}]}""", "kind")]
    [InlineData("""{"kind":"price-budget"}""", "rows")]
    public async Task Should_refuse_a_malformed_batch(string json, string field)
    {
        var response = await stack.Http.PostAsync("/api/ml/batch-predict", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Should_refuse_more_than_a_thousand_rows()
    {
        var rows = Enumerable.Range(0, 1001).Select(_ => new { category_id = 1 }).ToArray();
        var response = await stack.Http.PostAsJsonAsync("/api/ml/batch-predict", new { rows });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
