using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_a_prediction_is_requested_over_http(Stack stack)
{
    [Fact]
    public async Task Should_be_answered_by_the_inference_worker_through_rabbitmq()
    {
        await stack.EnsureInferenceRunningAsync();

        var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", new
        {
            title = "Fix leaking kitchen faucet",
            description = "Kitchen faucet drips constantly",
            category = "Plumbing",
            urgency = "HIGH",
            skill_level = "INTERMEDIATE",
            tags = new[] { "plumbing", "repair" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The worker answered (from a model when another test trained one, else its estimator), not the Gateway.
        Assert.Contains(body.GetProperty("source").GetString(), new[] { "model", "fallback" });
        Assert.Equal("PHP", body.GetProperty("currency").GetString());
        Assert.Equal("Plumbing", body.GetProperty("category").GetString());
        var min = body.GetProperty("min_price").GetDecimal();
        var suggested = body.GetProperty("suggested_price").GetDecimal();
        var max = body.GetProperty("max_price").GetDecimal();
        Assert.True(0 < min && min <= suggested && suggested <= max, $"{min} <= {suggested} <= {max}");
    }

    [Fact]
    public async Task Should_answer_completion_time_and_worker_rating_through_the_worker_too()
    {
        await stack.EnsureInferenceRunningAsync();

        var time = await stack.Http.PostAsJsonAsync("/api/ml/predict-completion-time",
            new { category_id = 2, budget = 3500, urgency = "MEDIUM", materials = new[] { "wire" }, job_type = "LISTING" });
        var rating = await stack.Http.PostAsJsonAsync("/api/ml/predict-worker-rating",
            new { profile_completion = 100, bio_length = 300, hourly_rate = 400, years_experience = 12, specializations_count = 3,
                  certifications_count = 5, verified_certifications_count = 5, completed_jobs = 80, average_rating = 5.0, is_active = true });

        var t = await time.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fallback", t.GetProperty("source").GetString());
        Assert.Equal("Electrical", t.GetProperty("category").GetString());
        Assert.True(t.GetProperty("confidence_interval_lower").GetDouble() <= t.GetProperty("predicted_hours").GetDouble());
        Assert.True(t.GetProperty("predicted_hours").GetDouble() <= t.GetProperty("confidence_interval_upper").GetDouble());
        Assert.False(string.IsNullOrEmpty(t.GetProperty("formatted_duration").GetString()));

        var r = await rating.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100.0, r.GetProperty("profile_score").GetDouble());
        Assert.Equal("Excellent", r.GetProperty("rating_category").GetString());
        Assert.Equal("fallback", r.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Should_fall_back_in_the_gateway_and_say_why_when_no_worker_answers()
    {
        await stack.StopInferenceAsync();

        var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price",
            new { title = "Repaint bedroom walls", category_id = 4, urgency = "LOW", skill_level = "ENTRY" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gateway_fallback", body.GetProperty("source").GetString());
        // Seen by the consumer watcher (no_worker), or cut short when the breaker opened under it (circuit_open).
        Assert.Contains(body.GetProperty("fallback_reason").GetString(), new[] { "no_worker", "circuit_open", "timeout" });
        Assert.Equal("Painting", body.GetProperty("category").GetString());
        Assert.True(body.GetProperty("min_price").GetDecimal() <= body.GetProperty("suggested_price").GetDecimal());
        Assert.True(body.GetProperty("suggested_price").GetDecimal() <= body.GetProperty("max_price").GetDecimal());
    }

    [Fact]
    public async Task Should_report_the_worker_as_unavailable_in_the_status_while_it_is_stopped()
    {
        await stack.StopInferenceAsync();
        var stopped = await stack.Http.GetFromJsonAsync<JsonElement>("/api/ml/price-model-status");
        await stack.EnsureInferenceRunningAsync();
        var running = await stack.Http.GetFromJsonAsync<JsonElement>("/api/ml/price-model-status");

        Assert.False(stopped.GetProperty("inference").GetProperty("available").GetBoolean());
        Assert.True(running.GetProperty("inference").GetProperty("available").GetBoolean());
        Assert.StartsWith("inference-", running.GetProperty("inference").GetProperty("instance_id").GetString());
        Assert.Equal("price-budget", running.GetProperty("kind").GetString());
        var registry = await stack.Http.GetFromJsonAsync<JsonElement>("/api/models/price-budget");
        var anyActive = registry.GetProperty("versions").EnumerateArray().Any(v => v.GetProperty("status").GetString() == "active");
        Assert.Equal(anyActive, running.GetProperty("model_loaded").GetBoolean());
    }
}
