using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_a_completion_time_request_arrives
{
    [Fact]
    public async Task Should_answer_the_category_median_with_a_75_percent_interval()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var response = await inference.Client<PredictCompletionTime>().GetResponse<CompletionTimePrediction>(
            new PredictCompletionTime { CategoryId = 1, Urgency = "LOW", JobType = "invite" });

        var p = response.Message;
        Assert.Equal(PredictionSources.Fallback, p.Source);
        Assert.Equal(3.0, p.PredictedHours);
        // 3 h x exp(-/+ 1.15035 x 0.5) = 1.69 / 5.33
        Assert.Equal(1.69, p.ConfidenceIntervalLower, 2);
        Assert.Equal(5.33, p.ConfidenceIntervalUpper, 2);
        Assert.Equal(0.75, p.ConfidenceLevel);
        Assert.Equal("3 hours", p.FormattedDuration);
    }

    [Fact]
    public async Task Should_fault_a_negative_budget()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var fault = await Assert.ThrowsAsync<MassTransit.RequestFaultException>(() =>
            inference.Client<PredictCompletionTime>().GetResponse<CompletionTimePrediction>(new PredictCompletionTime { Budget = -1 }));

        Assert.Contains("budget", fault.Fault!.Exceptions[0].Message);
    }
}
