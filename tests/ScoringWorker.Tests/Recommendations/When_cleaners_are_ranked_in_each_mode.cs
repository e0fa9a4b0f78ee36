using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.ScoringWorker.Recommendations;

namespace iAyos.Messaging.ScoringWorker.Tests.Recommendations;

public sealed class When_cleaners_are_ranked_in_each_mode : IDisposable
{
    private static readonly float[] Embeddings = [0.1f, 0.2f, 0.3f];
    private static readonly CleanerMatchSpec Spec = new() { ClientIds = [ServedNetworks.ClientId], CleanerIds = [1, 2, 3], PropertyTypes = ["apartment"] };

    private readonly ActiveModels _models = new();

    public When_cleaners_are_ranked_in_each_mode() =>
        _models.Put(ServedNetworks.CleanerMatch(ServedNetworks.CleanerMatchGraph(Embeddings), Spec, version: 3));

    public void Dispose() => _models.Dispose();

    /// <summary>What the graph answers for a known pair: the mean of bid/1000 and the cleaner's embedding, x 100.</summary>
    private static double Hybrid(long cleanerId) => 100 * 0.5 * ((double)Marketplace.Bids[cleanerId] / 1000 + Embeddings[cleanerId - 1]);

    [Fact]
    public void Neural_ranks_by_the_network_and_shows_all_three_scores()
    {
        var ranked = ServedNetworks.Engine(_models).RankCleaners(Marketplace.Job, Marketplace.Cleaners, Marketplace.Bids, RecommendationModes.Neural, 10, 20);

        Assert.Equal((RecommendationModes.Neural, RecommendationModes.Neural, 3, (string?)null), (ranked.RequestedMode, ranked.Mode, ranked.ModelVersion, ranked.Fallback));
        Assert.Equal([3L, 2L, 1L], ranked.Recommendations.Select(r => r.CleanerId));
        foreach (var r in ranked.Recommendations)
        {
            Assert.Equal(Hybrid(r.CleanerId), r.NeuralScore!.Value, 0.01);
            Assert.Equal(r.NeuralScore, r.Score);
            Assert.Equal(CleanerMatchScorer.Score(Marketplace.Job, Marketplace.Cleaners[(int)r.CleanerId - 1], 20)!.Score, r.RuleBasedScore);
        }
    }

    [Fact]
    public void Rule_based_ranks_by_the_rules_and_computes_no_neural_score()
    {
        var ranked = ServedNetworks.Engine(_models).RankCleaners(Marketplace.Job, Marketplace.Cleaners, Marketplace.Bids, RecommendationModes.RuleBased, 10, 20);

        Assert.Equal(RecommendationModes.RuleBased, ranked.Mode);
        Assert.Null(ranked.ModelVersion);
        Assert.Equal([1L, 2L, 3L], ranked.Recommendations.Select(r => r.CleanerId));
        Assert.All(ranked.Recommendations, r => Assert.Null(r.NeuralScore));
        Assert.All(ranked.Recommendations, r => Assert.Equal(r.RuleBasedScore, r.Score));
    }

    [Theory]
    [InlineData(0.6, 0.4)]
    [InlineData(0.2, 0.8)]
    public void Ensemble_blends_the_two_scores_with_the_configured_weights_and_ranks_by_the_blend(double ruleWeight, double neuralWeight)
    {
        var options = new RecommendationOptions { RuleBasedWeight = ruleWeight, NeuralWeight = neuralWeight };
        var ranked = ServedNetworks.Engine(_models, options).RankCleaners(Marketplace.Job, Marketplace.Cleaners, Marketplace.Bids, RecommendationModes.Ensemble, 10, 20);

        Assert.Equal(RecommendationModes.Ensemble, ranked.Mode);
        Assert.Equal(3, ranked.Recommendations.Count);
        foreach (var r in ranked.Recommendations)
            Assert.Equal(ruleWeight * r.RuleBasedScore + neuralWeight * r.NeuralScore!.Value, r.Score, 0.01);
        Assert.Equal(ranked.Recommendations.OrderByDescending(r => r.Score).Select(r => r.CleanerId), ranked.Recommendations.Select(r => r.CleanerId));
    }

    [Fact]
    public void No_mode_asked_is_the_configured_default()
    {
        var ranked = ServedNetworks.Engine(_models, new RecommendationOptions { DefaultMode = RecommendationModes.Neural })
            .RankCleaners(Marketplace.Job, Marketplace.Cleaners, Marketplace.Bids, mode: null, 10, 20);

        Assert.Equal((RecommendationModes.Neural, RecommendationModes.Neural), (ranked.RequestedMode, ranked.Mode));
        Assert.Equal(RecommendationModes.Ensemble, new RecommendationOptions().DefaultMode);
    }

    [Fact]
    public void A_cleaner_the_network_never_saw_is_scored_by_content_only()
    {
        CleanerFacts newcomer = Marketplace.Cleaner(4, 80);
        var ranked = ServedNetworks.Engine(_models).RankCleaners(Marketplace.Job, [.. Marketplace.Cleaners, newcomer], Marketplace.Bids, RecommendationModes.Neural, 10, 20);

        // No bid: the content network reads what the hourly rate charges for the estimated hours (20 EUR x 3 h).
        var scored = ranked.Recommendations.Single(r => r.CleanerId == 4);
        Assert.Equal(100 * 60.0 / 1000, scored.NeuralScore!.Value, 0.01);
        Assert.Equal(Hybrid(1), ranked.Recommendations.Single(r => r.CleanerId == 1).NeuralScore!.Value, 0.01);
    }

    [Fact]
    public void A_client_the_network_never_saw_is_scored_by_content_only()
    {
        var newClientsJob = Marketplace.Job with { ClientId = 999 };
        var ranked = ServedNetworks.Engine(_models).RankCleaners(newClientsJob, Marketplace.Cleaners, Marketplace.Bids, RecommendationModes.Neural, 10, 20);

        Assert.All(ranked.Recommendations, r => Assert.Equal(100 * (double)Marketplace.Bids[r.CleanerId] / 1000, r.NeuralScore!.Value, 0.01));
    }

    [Fact]
    public void Neural_mode_still_leaves_out_inactive_and_distant_cleaners()
    {
        CleanerFacts[] cleaners = [.. Marketplace.Cleaners, Marketplace.Cleaner(5, 99, active: false), Marketplace.Cleaner(6, 99, latitude: 38.5)];
        var ranked = ServedNetworks.Engine(_models).RankCleaners(Marketplace.Job, cleaners, Marketplace.Bids, RecommendationModes.Neural, 10, 20);

        Assert.Equal([1L, 2L, 3L], ranked.Recommendations.Select(r => r.CleanerId).Order());
    }

    [Fact]
    public void With_no_active_model_it_falls_back_to_rule_based_and_says_so()
    {
        using var empty = new ActiveModels();
        var ranked = ServedNetworks.Engine(empty).RankCleaners(Marketplace.Job, Marketplace.Cleaners, Marketplace.Bids, RecommendationModes.Ensemble, 10, 20);

        Assert.Equal((RecommendationModes.Ensemble, RecommendationModes.RuleBased, RecommendationFallbacks.NoActiveModel),
            (ranked.RequestedMode, ranked.Mode, ranked.Fallback));
        Assert.Equal([1L, 2L, 3L], ranked.Recommendations.Select(r => r.CleanerId));
        Assert.All(ranked.Recommendations, r => Assert.Null(r.NeuralScore));
        Assert.All(ranked.Recommendations, r => Assert.Equal(r.RuleBasedScore, r.Score));
    }

    [Fact]
    public void When_the_model_fails_it_falls_back_to_rule_based_and_says_so()
    {
        _models.Put(ServedNetworks.CleanerMatch(ServedNetworks.BrokenCleanerMatchGraph(), Spec, version: 9));
        var ranked = ServedNetworks.Engine(_models).RankCleaners(Marketplace.Job, Marketplace.Cleaners, Marketplace.Bids, RecommendationModes.Neural, 10, 20);

        Assert.Equal((RecommendationModes.RuleBased, RecommendationFallbacks.ModelFailed, 9), (ranked.Mode, ranked.Fallback, ranked.ModelVersion));
        Assert.Equal([1L, 2L, 3L], ranked.Recommendations.Select(r => r.CleanerId));
        Assert.All(ranked.Recommendations, r => Assert.Null(r.NeuralScore));
    }

    [Fact]
    public void Jobs_for_a_cleaner_are_ranked_by_the_network_too()
    {
        JobFacts[] jobs = [Marketplace.Job, Marketplace.Job with { JobId = 78, ClientId = 999 }];
        var ranked = ServedNetworks.Engine(_models).RankJobs(Marketplace.Cleaners[0], jobs, RecommendationModes.Neural, 10);

        Assert.Equal(RecommendationModes.Neural, ranked.Mode);
        // Job 77's client is known (hybrid: 0.5 x (0.06 + 0.1)); job 78's is not (content: 0.06).
        Assert.Equal([77L, 78L], ranked.Recommendations.Select(r => r.JobId));
        Assert.Equal(8.0, ranked.Recommendations[0].NeuralScore!.Value, 0.01);
        Assert.Equal(6.0, ranked.Recommendations[1].NeuralScore!.Value, 0.01);
    }
}
