using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace iAyos.Messaging.Gateway.Tests.ServiceJobs;

/// <summary>
/// predict-for-job, worker-rating-for-profile and predict-completion-time's worker_id read the read model and send
/// the InferenceWorker the worker's history as of the right moment: never a job finished, or a review given, later.
/// </summary>
public class When_a_job_or_worker_is_named_by_id : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly GatewayOnTestHarness _gateway = new(x =>
    {
        x.AddConsumer<CapturingCompletionTimeConsumer>().Endpoint(e => e.Name = CompletionTimeKind.QueueName);
        x.AddConsumer<CapturingWorkerRatingConsumer>().Endpoint(e => e.Name = WorkerRatingKind.QueueName);
    });

    private ReadModelRows _rows = null!;
    private HttpClient _http = null!;
    private readonly long _worker = ReadModelRows.NewId();
    private readonly long _earlier = ReadModelRows.NewId(), _reviewedLate = ReadModelRows.NewId(), _job = ReadModelRows.NewId(), _later = ReadModelRows.NewId();

    public async Task InitializeAsync()
    {
        _http = _gateway.CreateClient();
        _rows = new ReadModelRows(_gateway.Services.GetRequiredService<NpgsqlDataSource>());
        await _rows.WorkerAsync(_worker, T0.AddDays(-30));
        // Before the job starts on day 10: one job reviewed on day 2, one finished on day 5 but reviewed on day 12.
        await _rows.JobAsync(_earlier, T0, _worker, T0.AddHours(2), T0.AddHours(8), rating: 5, satisfaction: 90, reviewedAt: T0.AddDays(2));
        await _rows.JobAsync(_reviewedLate, T0.AddDays(4), _worker, T0.AddDays(5), T0.AddDays(5).AddHours(6), rating: 1, satisfaction: 10, reviewedAt: T0.AddDays(12));
        await _rows.JobAsync(_job, T0.AddDays(9), _worker, T0.AddDays(10));
        // After it: a long job with a bad review, which the job's features must not see.
        await _rows.JobAsync(_later, T0.AddDays(20), _worker, T0.AddDays(21), T0.AddDays(23), rating: 1, satisfaction: 0, reviewedAt: T0.AddDays(24), budget: 90_000);
    }

    public async Task DisposeAsync()
    {
        await _rows.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Should_send_the_workers_history_as_of_the_jobs_start()
    {
        var response = await _http.PostAsync($"/api/ml/predict-for-job/{_job}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(_job, body.GetProperty("job_id").GetInt64());
        Assert.Equal(_worker, body.GetProperty("worker_id").GetInt64());
        Assert.Equal("IN_PROGRESS", body.GetProperty("job_status").GetString());
        Assert.Equal("model", body.GetProperty("source").GetString());
        var sent = CapturingCompletionTimeConsumer.ByWorker[_worker];
        var history = sent.Worker!;
        Assert.Equal(2, history.CompletedJobs);
        Assert.Equal(1, history.ReviewedJobs); // the second review came after the start
        Assert.Equal(5, history.AverageRating);
        Assert.Equal(90, history.AverageSatisfaction);
        Assert.Equal(4000m, history.TotalEarnings);
        Assert.Equal(Math.Log(6.0 / 3.0), history.PaceLog!.Value, 6); // both took 6 h; Plumbing's usual is 3 h
        Assert.Equal(6, history.YearsExperience);
        Assert.Equal(2, history.SpecializationsCount);
        Assert.Equal(T0.AddDays(9), sent.PostedAt);
        Assert.Equal(["pipe", "sealant"], sent.Materials);
        Assert.Equal("HIGH", sent.Urgency);
    }

    [Fact]
    public async Task Should_send_the_history_as_of_now_when_a_completion_time_request_names_the_worker()
    {
        var response = await _http.PostAsJsonAsync("/api/ml/predict-completion-time", new { category_id = 1, budget = 2000, worker_id = _worker });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = CapturingCompletionTimeConsumer.ByWorker[_worker].Worker!;
        Assert.Equal(3, history.CompletedJobs);
        Assert.Equal(3, history.ReviewedJobs);
        Assert.Equal(94_000m, history.TotalEarnings);
    }

    [Fact]
    public async Task Should_answer_400_naming_worker_id_when_no_such_worker_is_known()
    {
        var response = await _http.PostAsJsonAsync("/api/ml/predict-completion-time", new { category_id = 1, worker_id = ReadModelRows.NewId() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("worker_id", out _), problem.ToString());
    }

    [Fact]
    public async Task Should_fill_every_batch_row_that_names_a_known_worker_and_reject_only_the_unknown_one()
    {
        var response = await _http.PostAsJsonAsync("/api/ml/batch-predict", new
        {
            kind = "completion-time",
            rows = new object[]
            {
                new { category_id = 1, worker_id = _worker }, new { category_id = 2, worker_id = _worker }, new { category_id = 1, worker_id = ReadModelRows.NewId() },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
        Assert.True(results[0].TryGetProperty("prediction", out _), results.ToString());
        Assert.True(results[1].TryGetProperty("prediction", out _), results.ToString());
        Assert.True(results[2].GetProperty("errors").TryGetProperty("worker_id", out _), results.ToString());
    }

    [Fact]
    public async Task Should_rate_a_profile_from_the_read_model()
    {
        var response = await _http.GetAsync($"/api/ml/worker-rating-for-profile/{_worker}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(_worker, body.GetProperty("worker_id").GetInt64());
        Assert.Equal(77, body.GetProperty("profile_score").GetDouble());
        Assert.Contains(CapturingWorkerRatingConsumer.Received, r =>
            r is { BioLength: 240, ProfileCompletion: 80, CertificationsCount: 2, VerifiedCertificationsCount: 1, CompletedJobs: 3, SpecializationsCount: 2 }
            && r.HourlyRate == 350 && r.IsActive == true && r.TotalEarnings == 94_000m);
    }

    [Theory]
    [InlineData("POST", "/api/ml/predict-for-job/{0}")]
    [InlineData("GET", "/api/ml/worker-rating-for-profile/{0}")]
    public async Task Should_answer_404_for_an_unknown_id(string method, string template)
    {
        var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(template, ReadModelRows.NewId())));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST", "/api/ml/predict-for-job/abc", "job_id")]
    [InlineData("POST", "/api/ml/predict-for-job/-3", "job_id")]
    [InlineData("GET", "/api/ml/worker-rating-for-profile/1.5", "id")]
    public async Task Should_answer_400_naming_the_id_when_it_is_not_a_positive_integer(string method, string path, string field)
    {
        var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
