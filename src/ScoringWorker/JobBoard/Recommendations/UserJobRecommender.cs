using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>
/// A user's top k open jobs. The mode follows what is known of the user: convfm when a job-recommender version is
/// active and the user has interactions; otherwise content for a profile with skills, popularity for anyone else. A
/// user with interactions whom the network could not rank (no version, or its run failed) gets the cold-start ranking
/// and <see cref="UserJobRecommendationList.Fallback"/> says why.
/// </summary>
public sealed class UserJobRecommender(UserJobCandidatesReader reader, CandidateJobCache cache, JobRecommenderNetwork network, ILogger<UserJobRecommender> logger)
{
    /// <summary>Popularity counts the applications of this many days before the latest interaction.</summary>
    public const int PopularityDays = 30;

    public async Task<UserJobRecommendationList> RecommendAsync(long userId, int k, CancellationToken ct)
    {
        var facts = await reader.RequestFactsAsync(userId, ct);
        // Read once: an activation in the middle of a request must not pair one version's encodings with another's graph.
        var model = network.Active;
        var spec = model?.Features as JobRecommenderSpec;
        var candidates = await cache.GetAsync(spec, facts.Candidates, reader.JobsAsync, ct);

        string? fallback = null;
        if (facts.Interactions > 0)
        {
            if (model is null || spec is null)
            {
                fallback = RecommendationFallbacks.NoActiveModel;
                logger.LogWarning("No active {Kind} version: user {UserId} (with interactions) gets the cold-start ranking", JobRecommenderKind.KindName, userId);
            }
            else
            {
                try
                {
                    return List(userId, JobRankingModes.ConvFm, model.Version, null, candidates.Count,
                        UserJobRanking.ByNetwork(model, userId, facts.Profile, candidates, k));
                }
                catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
                {
                    fallback = RecommendationFallbacks.ModelFailed;
                    logger.LogWarning("{Kind} v{Version} failed scoring {Count} jobs for user {UserId}, falling back to the cold-start ranking: {Reason}",
                        model.Kind, model.Version, candidates.Count, userId, ex.Message);
                }
            }
        }

        if (facts.Profile is { Skills.Count: > 0 } profile)
            return List(userId, JobRankingModes.Content, null, fallback, candidates.Count, UserJobRanking.ByContent(profile, candidates, k));
        var applications = await reader.RecentApplicationsAsync(PopularityDays, ct);
        return List(userId, JobRankingModes.Popularity, null, fallback, candidates.Count,
            UserJobRanking.ByPopularity(facts.Profile, candidates, applications, k));
    }

    private static UserJobRecommendationList List(long userId, string mode, int? version, string? fallback, int candidates,
        IReadOnlyList<RecommendedJobForUser> ranked) => new()
    {
        UserId = userId,
        Mode = mode,
        ModelVersion = version,
        Fallback = fallback,
        Candidates = candidates,
        Recommendations = ranked,
    };
}
