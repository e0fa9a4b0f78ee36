using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_the_input_is_bad(Stack stack)
{
    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "/api/ml/predict-price", """{"title":"Fix sink","urgency":"ASAP"}""", "urgency" },
        { "/api/ml/predict-price", """{"title":"Fix sink","skill_level":"GURU"}""", "skill_level" },
        { "/api/ml/predict-price", """{"description":"no title here"}""", "title" },
        { "/api/ml/predict-price", """{"title":"   "}""", "title" },
        { "/api/ml/predict-price", """{"title":"Fix sink","tags":"plumbing"}""", "tags" },
        { "/api/ml/predict-completion-time", """{"category_id":1,"budget":-100}""", "budget" },
        { "/api/ml/predict-completion-time", """{"category_id":1,"budget":"a lot"}""", "budget" },
        { "/api/ml/predict-completion-time", """{"category_id":1,"job_type":"GIG"}""", "job_type" },
        { "/api/ml/predict-worker-rating", """{"average_rating":7}""", "average_rating" },
        { "/api/ml/predict-worker-rating", """{"is_active":"maybe"}""", "is_active" },
        { "/api/ml/train", """{"kind":"horoscope"}""", "kind" },
        { "/api/ml/train-price-model", """{"csv_file":"../../etc/passwd"}""", "csv_file" },
        { "/api/ml/predict-price", """{"title":"Fix sink",""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Should_answer_400_problem_details_naming_the_field(string path, string json, string field)
    {
        // As an admin, so the training rows reach validation (without a token they are 401).
        var response = await stack.Admin.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
    }

    [Fact]
    public async Task Should_answer_413_for_a_10_megabyte_description()
    {
        var json = JsonSerializer.Serialize(new { title = "Fix sink", description = new string('a', 10 * 1024 * 1024) });

        // A well-behaved client of large uploads asks first (Expect: 100-continue); without it the server's
        // early 413 races the upload and the client may only see the connection close.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ml/predict-price")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        };
        var response = await stack.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Should_answer_400_for_a_description_over_the_seed_cap()
    {
        var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix sink", description = new string('a', 10_001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Should_answer_415_naming_the_content_type_for_a_non_json_body()
    {
        var response = await stack.Http.PostAsync("/api/ml/predict-price", new StringContent("""{"title":"Fix sink"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Content-Type", out _));
    }

    [Fact]
    public async Task Should_answer_400_for_an_empty_body()
    {
        var response = await stack.Http.PostAsync("/api/ml/predict-price", new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_problem_details_for_an_unknown_training_run()
    {
        var notFound = await stack.Http.GetAsync($"/api/ml/training-runs/{Guid.NewGuid()}");
        var badId = await stack.Http.GetAsync("/api/ml/training-runs/not-a-uuid");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
    }
}
