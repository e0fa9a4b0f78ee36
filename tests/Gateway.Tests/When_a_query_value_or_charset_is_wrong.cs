using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using iAyos.Messaging.Gateway.Tests.Properties;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>Regressions the bad-input properties found: each of these answered 500, or ignored the value.</summary>
[Collection(BadInputCollection.Name)]
public class When_a_query_value_or_charset_is_wrong(BadInputGateway gateway)
{
    private const string PriceBody = """{"title": "Fix sink", "category_id": 1}""";

    [Fact]
    public async Task A_training_runs_limit_that_is_not_a_number_is_a_400_naming_limit()
    {
        var response = await gateway.Client.GetAsync("/api/ml/training-runs?limit=abc");

        await AssertFieldProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_dataset_stats_min_samples_below_1_is_a_400_naming_min_samples()
    {
        var response = await gateway.Client.GetAsync("/api/ml/dataset-stats?min_samples=0");

        await AssertFieldProblem(response, HttpStatusCode.BadRequest, "min_samples");
    }

    [Fact]
    public async Task Dataset_stats_reads_min_samples_in_snake_case()
    {
        var stats = await gateway.Client.GetFromJsonAsync<JsonElement>("/api/ml/dataset-stats?min_samples=75");

        Assert.Equal(75, stats.GetProperty("min_samples_required").GetInt32());
    }

    [Fact]
    public async Task A_charset_no_decoder_has_is_a_415_naming_the_content_type()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(PriceBody));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");

        var response = await gateway.Client.PostAsync("/api/ml/predict-price", content);

        await AssertFieldProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task A_body_in_a_charset_dotnet_knows_is_still_read()
    {
        var content = new ByteArrayContent(Encoding.Unicode.GetBytes(PriceBody));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-16");

        var response = await gateway.Client.PostAsync("/api/ml/predict-price", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertFieldProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
