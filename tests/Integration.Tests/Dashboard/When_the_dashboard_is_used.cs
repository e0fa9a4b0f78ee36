using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Predictions.PriceBudget;
using Microsoft.Playwright;

namespace iAyos.Messaging.Integration.Tests.Dashboard;

/// <summary>The dashboard the Gateway serves at /dashboard/, in a real browser against the real stack.</summary>
[Collection(StackCollection.Name)]
public class When_the_dashboard_is_used(Stack stack, DashboardBrowser browser) : IClassFixture<DashboardBrowser>
{
    private static readonly float Wait = 30_000;

    private Uri BaseUrl => stack.Http.BaseAddress!;

    [Theory]
    [InlineData("models", "#models-list section.card")]
    [InlineData("training", "#runs-list table, #runs-list p")]
    [InlineData("queues", "#queues-table table")]
    [InlineData("playground", "#send-price-budget")]
    [InlineData("explorers", "#explorer-cleaners")]
    public async Task Should_load_each_page_without_a_console_error(string tab, string content)
    {
        await using var page = await browser.OpenAsync(BaseUrl);
        await page.GoToAsync(tab);

        await page.Page.WaitForSelectorAsync(content, new() { Timeout = Wait });
        // Everything the page asks for on load has answered (the pollers' next round is seconds away).
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync($"dashboard-{tab}");

        Assert.Empty(page.Errors);
        Assert.Equal(0, await page.Page.Locator(".error").CountAsync());
    }

    [Fact]
    public async Task Should_answer_dashboard_without_its_slash_with_the_page()
    {
        await using var page = await browser.OpenAsync(BaseUrl);
        await page.Page.GotoAsync("/dashboard");

        await page.Page.WaitForSelectorAsync("#models-list", new() { Timeout = Wait });
        Assert.Equal(new Uri(BaseUrl, "/dashboard/").AbsoluteUri, page.Page.Url);
        Assert.Equal("iAyos operations dashboard", await page.Page.TitleAsync());
    }

    [Fact]
    public async Task Should_show_the_brokers_queues_with_their_consumers()
    {
        await using var page = await browser.OpenAsync(BaseUrl);
        await page.GoToAsync("queues");

        // The price queue's InferenceWorker consumer, as the management API counts it, read through the Gateway.
        var consumers = page.Page.Locator($"tr[data-queue='{PriceBudgetKind.Instance.Queue}'] td:nth-child(5)");
        await consumers.WaitForAsync(new() { Timeout = Wait });
        Assert.True(int.Parse(await consumers.InnerTextAsync()) >= 1, "the price queue has the InferenceWorker's consumer");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_round_trip_a_prediction_in_the_playground()
    {
        await stack.EnsureInferenceRunningAsync();
        await using var page = await browser.OpenAsync(BaseUrl);
        await page.GoToAsync("playground");
        await page.Page.WaitForSelectorAsync("#send-price-budget", new() { Timeout = Wait });

        var response = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.ClickAsync("#send-price-budget"), r => r.Url.EndsWith("/api/ml/predict-price", StringComparison.Ordinal));
        var answered = await response.JsonAsync();
        var source = page.Page.Locator("#answer-price-budget .source");
        await source.WaitForAsync(new() { Timeout = Wait });
        await page.ScreenshotAsync("dashboard-playground-answer");

        Assert.Equal(200, response.Status);
        Assert.Equal(answered!.Value.GetProperty("source").GetString(), await source.InnerTextAsync());
        var shown = await page.Page.Locator("#answer-price-budget pre").InnerTextAsync();
        Assert.Equal(answered.Value.GetProperty("suggested_price").GetDecimal(),
            JsonDocument.Parse(shown).RootElement.GetProperty("suggested_price").GetDecimal());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_draw_a_training_runs_loss_curves_while_it_trains()
    {
        await stack.EnsureInferenceRunningAsync();
        await using var page = await browser.OpenAsync(BaseUrl);
        // Small batches and the epoch limit: a run of many epochs, so the page sees it running (early stopping ends it).
        var started = await stack.Admin.PostAsJsonAsync("/api/ml/train-price-model", new
        {
            csv_file = "ph_blue_collar_synthetic.csv", split_file = "splits/ph_blue_collar_synthetic.split.json",
            configuration = "served", epochs = 1000, batch_size = 4,
        });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetGuid();
        try
        {
            await page.GoToAsync($"training/{runId}");

            // Points drawn while the run's status was still "running".
            await page.Page.WaitForSelectorAsync("#loss-chart-box[data-seen-running='true']", new() { Timeout = 120_000 });
            var drawn = await page.Page.EvaluateAsync<int[]>(
                "() => Chart.getChart(document.getElementById('loss-chart')).data.datasets.map(d => d.data.length)");
            await page.ScreenshotAsync("dashboard-training-live");

            Assert.Equal(2, drawn.Length);
            Assert.All(drawn, count => Assert.True(count >= 1, $"loss and validation loss have points: {string.Join(", ", drawn)}"));
            // The page follows the run to its end: the chart has every epoch the Gateway stored.
            await page.Page.WaitForSelectorAsync("#loss-chart-box[data-status='completed']", new() { Timeout = 300_000 });
            var run = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/ml/training-runs/{runId}");
            var epochs = run.GetProperty("epochs").GetArrayLength();
            var points = await page.Page.Locator("#loss-chart-box").GetAttributeAsync("data-points");
            Assert.True(int.Parse(points!) >= 1 && int.Parse(points!) <= epochs, $"{points} points of {epochs} epochs");
            await page.ScreenshotAsync("dashboard-training-completed");
            Assert.Empty(page.Errors);

            // The version it registered, with its metrics, on the models page.
            var version = run.GetProperty("registered_version").GetInt32();
            await page.GoToAsync("models");
            await page.Page.Locator($"section[data-kind='{PriceBudgetKind.KindName}'] tr[data-version='{version}']").WaitForAsync(new() { Timeout = Wait });
            await page.ScreenshotAsync("dashboard-models-trained");
            Assert.Contains("test.suggested_price.mae", await page.Page.Locator($"section[data-kind='{PriceBudgetKind.KindName}']").InnerTextAsync());
            Assert.Empty(page.Errors);
        }
        finally
        {
            await WaitForTheRunToEndAsync(runId);
            // Other tests in the collection exercise the estimators: retire what this run activated.
            await stack.RetireActiveVersionsAsync(PriceBudgetKind.KindName);
        }
    }

    [Fact]
    public async Task Should_list_a_users_job_recommendations_in_the_explorer()
    {
        await using var page = await browser.OpenAsync(BaseUrl);
        await page.GoToAsync("explorers");
        await page.Page.WaitForSelectorAsync("#explorer-user-jobs", new() { Timeout = Wait });

        var response = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.ClickAsync("#explorer-user-jobs button[type='submit']"), r => r.Url.Contains("/api/recommendations/users/1/jobs", StringComparison.Ordinal));
        var answered = (await response.JsonAsync())!.Value;
        await page.Page.WaitForSelectorAsync("#explorer-user-jobs-result table", new() { Timeout = Wait });
        await page.ScreenshotAsync("dashboard-explorer-user-jobs");

        Assert.Equal(200, response.Status);
        Assert.Equal(answered.GetProperty("recommendations").GetArrayLength(),
            await page.Page.Locator("#explorer-user-jobs-result tbody tr").CountAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_show_the_refusal_when_a_version_is_activated_without_a_token()
    {
        // A registered version to offer a button for; the Gateway refuses before looking it up.
        const int version = 9001;
        await ExecuteAsync("INSERT INTO ml.model_versions (kind, version, artifact_path, sha256) VALUES ($1, $2, 'none.onnx', repeat('0', 64))");
        try
        {
            await using var page = await browser.OpenAsync(BaseUrl);
            await page.GoToAsync("models");
            var button = page.Page.Locator($"section[data-kind='{CleaningBidKind.KindName}'] button[data-version='{version}']");
            await button.WaitForAsync(new() { Timeout = Wait });

            var response = await page.Page.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Url.Contains("/activate", StringComparison.Ordinal));
            var refusal = page.Page.Locator("#activation-refused");
            await refusal.WaitForAsync(new() { Timeout = Wait });
            await page.ScreenshotAsync("dashboard-activation-refused");

            Assert.Equal(401, response.Status);
            Assert.Contains("401", await refusal.InnerTextAsync());
            var status = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/models/{CleaningBidKind.KindName}");
            Assert.Equal("registered", status.GetProperty("versions").EnumerateArray()
                .Single(v => v.GetProperty("version").GetInt32() == version).GetProperty("status").GetString());
        }
        finally
        {
            await ExecuteAsync("DELETE FROM ml.model_versions WHERE kind = $1 AND version = $2");
        }

        async Task ExecuteAsync(string sql)
        {
            await using var db = TestInfrastructure.Database();
            await using var command = db.CreateCommand(sql);
            command.Parameters.AddWithValue(CleaningBidKind.KindName);
            command.Parameters.AddWithValue(version);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task WaitForTheRunToEndAsync(Guid runId) =>
        await TestInfrastructure.EventuallyAsync(async () =>
        {
            var run = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/ml/training-runs/{runId}");
            return run.GetProperty("status").GetString() is "completed" or "failed";
        }, TimeSpan.FromSeconds(300));
}
