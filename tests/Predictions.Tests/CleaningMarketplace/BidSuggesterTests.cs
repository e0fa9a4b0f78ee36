using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Predictions.Tests.CleaningMarketplace;

public class BidSuggesterTests
{
    // Rate anchor throughout: 20 EUR/h * 3 h = 60.
    private static JobFacts Job(decimal? budget = null, int bids = 0, decimal? lowest = null) =>
        Facts.Job() with { ClientBudget = budget, CurrentBidCount = bids, LowestBid = lowest };

    private static CleanerFacts Cleaner(double? winRate = null) => Facts.Cleaner() with { WinRate = winRate };

    [Fact]
    public void A_fully_hand_computed_suggestion_with_every_anchor()
    {
        var job = Job(budget: 96m, bids: 2, lowest: 50m);
        var cleaner = Cleaner(winRate: 0.7) with { AverageBid = 70m };

        var s = BidSuggester.Suggest(job, cleaner, marketAveragePerHour: 25m);

        // 0.3 * 60 + 0.4 * 75 + 0.3 * 96 = 18 + 30 + 28.8 = 76.8; win rate 0.7 -> x (0.95 + 0.07) = 78.336 -> 78.34
        Assert.Equal(78.34m, s.OptimalBid);
        Assert.Equal(66.59m, s.MinBid);   // 0.85 * 78.34 = 66.589
        Assert.Equal(90.09m, s.MaxBid);   // 1.15 * 78.34 = 90.091, under the 96 budget
        Assert.Equal(96m, s.Inputs.ClientBudget);
        Assert.Equal(75m, s.Inputs.MarketAverage);
        Assert.Equal(70m, s.Inputs.CleanerAverage);
        Assert.Equal(0.7, s.Inputs.WinRate);
        Assert.Equal(2, s.Inputs.CurrentBidCount);
        Assert.Equal(50m, s.Inputs.LowestBid);
        Assert.Equal(
            [
                "Your rate for 3 h: €60.00", "Market average for this job: €75.00", "Client budget: €96.00",
                "Your win rate 70% supports a higher price", "2 bids so far, lowest €50.00",
            ],
            s.Reasoning);
    }

    [Fact]
    public void Amounts_round_half_away_from_zero()
    {
        // (18 + 30 + 27) = 75 * 1.02 = 76.5; 0.85 * 76.5 = 65.025 -> 65.03; 1.15 * 76.5 = 87.975 -> 87.98
        var s = BidSuggester.Suggest(Job(budget: 90m), Cleaner(winRate: 0.7), 25m);

        Assert.Equal((65.03m, 76.50m, 87.98m), (s.MinBid, s.OptimalBid, s.MaxBid));
    }

    [Theory]
    [InlineData(25.0, 96.0, 76.80)]   // 18 + 30 + 28.8
    [InlineData(null, 96.0, 78.00)]   // (18 + 28.8) / 0.6
    [InlineData(25.0, null, 68.57)]   // (18 + 30) / 0.7 = 68.571
    [InlineData(null, null, 60.00)]   // own rate alone
    public void Missing_anchors_renormalise_the_weights(double? marketPerHour, double? budget, double expectedOptimal)
    {
        var s = BidSuggester.Suggest(Job(budget: (decimal?)budget), Cleaner(), (decimal?)marketPerHour);

        Assert.Equal((decimal)expectedOptimal, s.OptimalBid);
        Assert.Equal(marketPerHour is null ? null : (decimal)marketPerHour * 3, s.Inputs.MarketAverage);
    }

    [Theory]
    [InlineData(null, 60.00)]
    [InlineData(0.5, 60.00)]
    [InlineData(1.0, 63.00)]   // x 1.05
    [InlineData(0.0, 57.00)]   // x 0.95
    [InlineData(0.42, 59.52)]  // x 0.992
    public void A_cleaner_who_wins_often_can_ask_more(double? winRate, double expectedOptimal)
    {
        var s = BidSuggester.Suggest(Job(), Cleaner(winRate), null);

        Assert.Equal((decimal)expectedOptimal, s.OptimalBid);
    }

    [Theory]
    [InlineData(null, "No bidding history yet, so no win-rate adjustment")]
    [InlineData(0.62, "Your win rate 62% supports a higher price")]
    [InlineData(0.2, "Your win rate 20% suggests pricing a little lower")]
    public void Win_rate_is_explained(double? winRate, string expected)
    {
        Assert.Contains(expected, BidSuggester.Suggest(Job(), Cleaner(winRate), null).Reasoning);
    }

    [Fact]
    public void With_three_bids_in_the_optimal_is_kept_within_10_percent_of_the_lowest()
    {
        var s = BidSuggester.Suggest(Job(bids: 3, lowest: 50m), Cleaner(), null);

        // 60 > 50 * 1.10 = 55 -> 55; 0.85 * 55 = 46.75; 1.15 * 55 = 63.25
        Assert.Equal((46.75m, 55.00m, 63.25m), (s.MinBid, s.OptimalBid, s.MaxBid));
        Assert.Contains("3 bids so far, lowest €50.00", s.Reasoning);
        Assert.Contains("Kept within 10% of the lowest bid to stay competitive", s.Reasoning);
    }

    [Theory]
    [InlineData(2, 50.0)]    // too few bids to matter
    [InlineData(3, 60.0)]    // 66 cap not binding
    [InlineData(5, null)]    // lowest unknown
    public void Competition_only_clamps_when_it_binds(int bids, double? lowest)
    {
        var s = BidSuggester.Suggest(Job(bids: bids, lowest: (decimal?)lowest), Cleaner(), null);

        Assert.Equal(60.00m, s.OptimalBid);
        Assert.DoesNotContain("Kept within 10% of the lowest bid to stay competitive", s.Reasoning);
    }

    [Fact]
    public void Max_is_capped_at_a_budget_between_optimal_and_max()
    {
        var s = BidSuggester.Suggest(Job(budget: 66m), Cleaner(), null);

        // (18 + 19.8) / 0.6 = 63; 1.15 * 63 = 72.45 would exceed the 66 offered
        Assert.Equal((53.55m, 63.00m, 66.00m), (s.MinBid, s.OptimalBid, s.MaxBid));
        Assert.Contains("Max capped at the client's budget", s.Reasoning);
    }

    [Fact]
    public void Max_is_not_capped_when_the_optimal_already_exceeds_the_budget()
    {
        var s = BidSuggester.Suggest(Job(budget: 62m), Cleaner(), marketAveragePerHour: 30m);

        // 18 + 0.4 * 90 + 0.3 * 62 = 72.6 > 62; max 1.15 * 72.6 = 83.49
        Assert.Equal((61.71m, 72.60m, 83.49m), (s.MinBid, s.OptimalBid, s.MaxBid));
        Assert.DoesNotContain("Max capped at the client's budget", s.Reasoning);
    }

    [Fact]
    public void Fractional_hours_and_market_average_are_multiplied_exactly()
    {
        var s = BidSuggester.Suggest(Job() with { EstimatedHours = 2.5 }, Cleaner(), 25.5m);

        Assert.Equal(63.75m, s.Inputs.MarketAverage);
        Assert.Contains("Your rate for 2.5 h: €50.00", s.Reasoning);
    }

    [Fact]
    public void Degenerate_inputs_still_give_positive_ordered_amounts()
    {
        var job = Job() with { EstimatedHours = double.NaN };
        var cleaner = Cleaner(winRate: double.NaN) with { HourlyRate = 0m };

        var s = BidSuggester.Suggest(job, cleaner, null);

        Assert.Equal((0.01m, 0.01m, 0.01m), (s.MinBid, s.OptimalBid, s.MaxBid));
    }

    [Fact]
    public void Without_any_price_anchor_the_cleaners_average_bid_is_used()
    {
        var cleaner = Cleaner() with { HourlyRate = 0m, AverageBid = 80m };

        Assert.Equal(80.00m, BidSuggester.Suggest(Job(), cleaner, null).OptimalBid);
    }

    [Fact]
    public void Min_optimal_max_stay_ordered_positive_and_within_rules_over_a_random_grid()
    {
        var random = new Random(20240611);
        decimal Money(double from, double to) => Math.Round((decimal)(from + random.NextDouble() * (to - from)), 2);

        for (var i = 0; i < 1000; i++)
        {
            var budget = random.Next(3) == 0 ? (decimal?)null : Money(1, 600);
            var lowest = random.Next(3) == 0 ? (decimal?)null : Money(1, 500);
            var job = Facts.Job() with
            {
                EstimatedHours = Math.Round(0.25 + random.NextDouble() * 12, 2),
                ClientBudget = budget,
                CurrentBidCount = random.Next(0, 11),
                LowestBid = lowest,
            };
            var cleaner = Facts.Cleaner() with
            {
                HourlyRate = Money(0, 60),
                WinRate = random.Next(4) == 0 ? null : random.NextDouble(),
            };
            decimal? market = random.Next(3) == 0 ? null : Money(0, 60);

            var s = BidSuggester.Suggest(job, cleaner, market);

            var context = $"case {i}: {job} {cleaner} market {market} -> {s.MinBid}/{s.OptimalBid}/{s.MaxBid}";
            Assert.True(s.MinBid > 0, context);
            Assert.True(s.MinBid <= s.OptimalBid && s.OptimalBid <= s.MaxBid, context);
            Assert.True(new[] { s.MinBid, s.OptimalBid, s.MaxBid }.All(a => a == Math.Round(a, 2)), context);
            if (budget is { } b && b >= s.OptimalBid) Assert.True(s.MaxBid <= b, context);
            if (job.CurrentBidCount >= 3 && lowest is { } l)
                Assert.True(s.OptimalBid <= Math.Round(l * 1.10m, 2, MidpointRounding.AwayFromZero), context);
        }
    }
}
