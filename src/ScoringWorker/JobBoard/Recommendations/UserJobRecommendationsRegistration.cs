using MassTransit;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>The job board's recommendations in the ScoringWorker: one line for the services, one for the consumer.</summary>
public static class UserJobRecommendationsRegistration
{
    public static IServiceCollection AddUserJobRecommendations(this IServiceCollection services)
    {
        services.AddSingleton<UserJobCandidatesReader>();
        services.AddSingleton<CandidateJobCache>();
        services.AddSingleton<JobRecommenderNetwork>();
        services.AddSingleton<UserJobRecommender>();
        return services;
    }

    public static void AddUserJobRecommendationsConsumer(this IBusRegistrationConfigurator x) =>
        x.AddConsumer<UserJobRecommendationsConsumer, UserJobRecommendationsConsumerDefinition>();
}
