using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Contracts.Recommendations;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_scores_are_recomputed_on_request(Stack stack)
{
    [Fact]
    public async Task Should_answer_202_and_have_the_scoring_worker_recompute()
    {
        var recomputes = new Recomputes();
        var bus = stack.Scoring.Services.GetRequiredService<IBus>();
        using var _ = bus.ConnectConsumeMessageObserver(recomputes);

        var response = await stack.Admin.PostAsync("/api/recommendations/recompute-scores", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request_id").GetGuid();
        await recomputes.Of(requestId).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Should_answer_401_without_a_token()
    {
        var response = await stack.Http.PostAsync("/api/recommendations/recompute-scores", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Recomputes the ScoringWorker finished, by request id, whether they finish before or after they are asked about.</summary>
    private sealed class Recomputes : IConsumeMessageObserver<RecomputeCleanerScores>
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _done = new();

        public Task Of(Guid requestId) => Completion(requestId).Task;

        public Task PreConsume(ConsumeContext<RecomputeCleanerScores> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<RecomputeCleanerScores> context)
        {
            Completion(context.Message.RequestId).TrySetResult();
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<RecomputeCleanerScores> context, Exception exception)
        {
            Completion(context.Message.RequestId).TrySetException(exception);
            return Task.CompletedTask;
        }

        private TaskCompletionSource Completion(Guid requestId) =>
            _done.GetOrAdd(requestId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
