using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.ScoringWorker.Tests.Recommendations;

public sealed class When_a_bid_is_suggested_in_each_mode : IDisposable
{
    private readonly ActiveModels _models = new();

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData(RecommendationModes.Neural)]
    [InlineData(RecommendationModes.Ensemble)]
    public void The_bid_model_gives_the_amounts_in_euros_to_the_cent(string mode)
    {
        _models.Put(ServedNetworks.Bid(ServedNetworks.BidGraph([0.5f, 1.0f, 1.5f]), version: 4));

        var suggestion = ServedNetworks.Bids(_models).Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m, mode);

        // 3 hours -> 0.3 on every output, plus the biases, x amount_scale 100.
        Assert.Equal((80m, 130m, 180m), (suggestion.MinBid, suggestion.OptimalBid, suggestion.MaxBid));
        Assert.Equal((mode, mode, 4, (string?)null), (suggestion.Mode, suggestion.RequestedMode, suggestion.ModelVersion, suggestion.Fallback));
    }

    [Fact]
    public void Amounts_come_back_ordered_whatever_the_graph_answers()
    {
        _models.Put(ServedNetworks.Bid(ServedNetworks.BidGraph([1.5f, 0.5f, 1.0f])));

        var suggestion = ServedNetworks.Bids(_models).Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m, RecommendationModes.Neural);

        Assert.Equal((80m, 130m, 180m), (suggestion.MinBid, suggestion.OptimalBid, suggestion.MaxBid));
    }

    [Fact]
    public void Rule_based_uses_the_bid_suggester_even_with_a_model_active()
    {
        _models.Put(ServedNetworks.Bid(ServedNetworks.BidGraph([0.5f, 1.0f, 1.5f])));
        var rules = BidSuggester.Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m);

        var suggestion = ServedNetworks.Bids(_models).Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m, RecommendationModes.RuleBased);

        Assert.Equal((rules.MinBid, rules.OptimalBid, rules.MaxBid), (suggestion.MinBid, suggestion.OptimalBid, suggestion.MaxBid));
        Assert.Equal((RecommendationModes.RuleBased, (int?)null, (string?)null), (suggestion.Mode, suggestion.ModelVersion, suggestion.Fallback));
    }

    [Fact]
    public void With_no_bid_model_the_suggester_answers_and_the_answer_says_so()
    {
        var rules = BidSuggester.Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m);

        var suggestion = ServedNetworks.Bids(_models).Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m, RecommendationModes.Ensemble);

        Assert.Equal((rules.MinBid, rules.OptimalBid, rules.MaxBid), (suggestion.MinBid, suggestion.OptimalBid, suggestion.MaxBid));
        Assert.Equal((RecommendationModes.RuleBased, RecommendationModes.Ensemble, RecommendationFallbacks.NoActiveModel),
            (suggestion.Mode, suggestion.RequestedMode, suggestion.Fallback));
    }

    [Fact]
    public void A_bid_model_that_fails_falls_back_to_the_suggester()
    {
        // A cleaner-match graph under the bid kind: its inputs are not the bid model's.
        _models.Put(ServedNetworks.Bid(ServedNetworks.BrokenCleanerMatchGraph(), version: 6));

        var suggestion = ServedNetworks.Bids(_models).Suggest(Marketplace.Job, Marketplace.Cleaners[0], 25m, RecommendationModes.Neural);

        Assert.Equal((RecommendationModes.RuleBased, RecommendationFallbacks.ModelFailed, 6), (suggestion.Mode, suggestion.Fallback, suggestion.ModelVersion));
    }
}
