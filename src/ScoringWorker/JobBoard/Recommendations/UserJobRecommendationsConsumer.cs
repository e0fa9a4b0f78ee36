using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>
/// Answers <see cref="RecommendJobsForUser"/> (GET /api/recommendations/users/{user_id}/jobs). Reads only: a repeated
/// request is answered again, the same way. Values the Gateway would have refused fault to the error queue with the reason.
/// </summary>
public sealed class UserJobRecommendationsConsumer(UserJobRecommender recommender) : IConsumer<RecommendJobsForUser>
{
    public const int MaxK = 100;

    public async Task Consume(ConsumeContext<RecommendJobsForUser> context)
    {
        var request = context.Message;
        var errors = new Dictionary<string, string[]>();
        if (request.UserId <= 0)
            errors["user_id"] = ["must be a positive integer."];
        if (request.K is < 1 or > MaxK)
            errors["k"] = [$"must be between 1 and {MaxK}."];
        if (errors.Count > 0)
            throw new InvalidRequestException(errors);
        await context.RespondAsync(await recommender.RecommendAsync(request.UserId, request.K, context.CancellationToken));
    }
}

public sealed class UserJobRecommendationsConsumerDefinition : ConsumerDefinition<UserJobRecommendationsConsumer>
{
    public UserJobRecommendationsConsumerDefinition()
    {
        // Its own queue, so ops scale job recommendations by their own depth.
        EndpointName = QueueNames.UserJobRecommendations;
        // Two cores: more concurrent ONNX runs than this only queue up inside the process.
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserJobRecommendationsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseImmediateRetryUnlessInvalid();
}
