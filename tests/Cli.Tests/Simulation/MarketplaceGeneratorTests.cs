using System.Diagnostics;
using System.Text.Json;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;

namespace iAyos.Messaging.Cli.Tests.Simulation;

/// <summary>The command's default market, generated once for the tests that only read it.</summary>
public sealed class DefaultMarket
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    public static readonly MarketplaceSpec Spec = new(Jobs: 5000, Cleaners: 200, Clients: 500, Seed: 42, AsOf);

    public GeneratedMarketplace Market { get; } = MarketplaceGenerator.Generate(Spec);

    public IEnumerable<T> Of<T>() => Market.Events.OfType<T>();
}

public sealed class MarketplaceGeneratorTests(DefaultMarket fixture) : IClassFixture<DefaultMarket>
{
    private readonly GeneratedMarketplace _market = fixture.Market;

    private static List<string> Json(GeneratedMarketplace market) =>
        market.Events.Select(e => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType())).ToList();

    [Fact]
    public void The_same_spec_gives_the_same_events_ids_included()
    {
        var spec = DefaultMarket.Spec with { Jobs = 1500 };
        var first = MarketplaceGenerator.Generate(spec);
        var second = MarketplaceGenerator.Generate(spec);

        Assert.Equal(Json(first), Json(second));
        Assert.Equal(first.CleanerTiers, second.CleanerTiers);
        Assert.Equal(first.ClientBudgetTiers, second.ClientBudgetTiers);
    }

    [Fact]
    public void Another_seed_gives_another_market()
    {
        var spec = DefaultMarket.Spec with { Jobs = 300 };
        var first = MarketplaceGenerator.Generate(spec);
        var other = MarketplaceGenerator.Generate(spec with { Seed = 43 });

        Assert.NotEqual(Json(first), Json(other));
        Assert.Empty(first.Events.Select(e => e.EventId).Intersect(other.Events.Select(e => e.EventId)));
    }

    [Fact]
    public void Event_ids_are_unique()
    {
        Assert.Equal(_market.Events.Count, _market.Events.Select(e => e.EventId).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, _market.Events.Select(e => e.EventId));
    }

    [Fact]
    public void Events_are_in_upstream_order_and_none_is_after_as_of()
    {
        for (var i = 1; i < _market.Events.Count; i++)
            Assert.True(_market.Events[i - 1].OccurredAt <= _market.Events[i].OccurredAt, $"event {i} is out of order");
        Assert.All(_market.Events, e => Assert.True(e.OccurredAt <= DefaultMarket.AsOf, $"{e.GetType().Name} at {e.OccurredAt}"));
        // The year runs right up to AsOf: jobs reach into its last week, and some lifecycles are cut by it.
        Assert.Contains(fixture.Of<JobPosted>(), j => j.OccurredAt > DefaultMarket.AsOf.AddDays(-2));
        Assert.InRange(fixture.Of<JobPosted>().Min(j => j.OccurredAt), DefaultMarket.AsOf.AddDays(-365), DefaultMarket.AsOf.AddDays(-364));
    }

    [Fact]
    public void A_job_cut_by_as_of_stops_where_it_is_cut()
    {
        var asOf = DefaultMarket.AsOf;
        var earlier = MarketplaceGenerator.Generate(DefaultMarket.Spec with { AsOf = asOf.AddDays(-30) });
        Assert.All(earlier.Events, e => Assert.True(e.OccurredAt <= asOf.AddDays(-30)));

        // Some confirmed jobs had not started by AsOf, and nothing of theirs came after it.
        var confirmed = earlier.Events.OfType<JobConfirmed>().Select(c => c.JobId).ToHashSet();
        var ended = earlier.Events.OfType<JobCompleted>().Select(c => c.JobId)
            .Concat(earlier.Events.OfType<JobCancelled>().Select(c => c.JobId)).ToHashSet();
        Assert.Contains(confirmed, id => !ended.Contains(id));
    }

    [Fact]
    public void Everyone_registers_before_the_jobs_start()
    {
        var firstJob = fixture.Of<JobPosted>().Min(j => j.OccurredAt);
        Assert.All(fixture.Of<CleanerRegistered>(), c => Assert.True(c.OccurredAt < firstJob));
        Assert.All(fixture.Of<ClientRegistered>(), c => Assert.True(c.OccurredAt < firstJob));
        Assert.All(fixture.Of<PropertyRegistered>(), p => Assert.True(p.OccurredAt < firstJob));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), fixture.Of<CleanerRegistered>().Select(c => c.CleanerId).Order());
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), fixture.Of<ClientRegistered>().Select(c => c.ClientId).Order());
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i), fixture.Of<JobPosted>().Select(j => j.JobId));
    }

    [Fact]
    public void Tiers_keep_their_shares()
    {
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 100, Cleaners = 1000 });
        Assert.Equal(1000, market.CleanerTiers.Count);
        foreach (var profile in CleanerTiers.All)
        {
            var share = market.CleanerTiers.Values.Count(t => t == profile.Tier) / 1000.0;
            Assert.InRange(share, profile.Share - 0.05, profile.Share + 0.05);
        }
        foreach (var profile in ClientBudgetTiers.All)
        {
            var share = market.ClientBudgetTiers.Values.Count(t => t == profile.Tier) / 500.0;
            Assert.InRange(share, profile.Share - 0.05, profile.Share + 0.05);
        }
    }

    [Fact]
    public void Cleaners_have_their_tier_rate_near_athens_and_some_offer_eco_products()
    {
        var cleaners = fixture.Of<CleanerRegistered>().ToList();
        foreach (var cleaner in cleaners)
        {
            var profile = _market.CleanerTiers[cleaner.CleanerId].Profile();
            Assert.InRange(cleaner.HourlyRate, profile.MinHourlyRate, profile.MaxHourlyRate);
            Assert.InRange(cleaner.Latitude, 37.9838 - 0.15, 37.9838 + 0.15);
            Assert.InRange(cleaner.Longitude, 23.7275 - 0.15, 23.7275 + 0.15);
        }
        Assert.InRange(cleaners.Count(c => c.OffersEcoProducts) / (double)cleaners.Count, 0.30, 0.50);
    }

    [Fact]
    public void Clients_have_one_to_three_properties_of_the_seeds_kinds()
    {
        var properties = fixture.Of<PropertyRegistered>().ToList();
        var perClient = properties.GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(500, perClient.Count);
        Assert.All(perClient.Values, n => Assert.InRange(n, 1, 3));
        Assert.Equal(Enumerable.Range(1, properties.Count).Select(i => (long)i), properties.Select(p => p.PropertyId).Order());

        var bands = new Dictionary<string, (double Min, double Max, double Share)>
        {
            [PropertyTypes.Apartment] = (40, 120, 0.50),
            [PropertyTypes.House] = (80, 250, 0.25),
            [PropertyTypes.Office] = (50, 400, 0.15),
            [PropertyTypes.Villa] = (200, 600, 0.10),
        };
        foreach (var property in properties)
        {
            var band = bands[property.PropertyType];
            Assert.InRange(property.SizeM2, band.Min, band.Max);
            Assert.InRange(property.Latitude, 37.9838 - 0.15, 37.9838 + 0.15);
            Assert.InRange(property.Longitude, 23.7275 - 0.15, 23.7275 + 0.15);
        }
        foreach (var (type, band) in bands)
            Assert.InRange(properties.Count(p => p.PropertyType == type) / (double)properties.Count, band.Share - 0.06, band.Share + 0.06);
        Assert.InRange(properties.Count(p => p.EcoPreference) / (double)properties.Count, 0.22, 0.38);
    }

    [Fact]
    public void Jobs_estimate_hours_from_size_and_most_state_a_budget()
    {
        var sizes = fixture.Of<PropertyRegistered>().ToDictionary(p => p.PropertyId, p => p.SizeM2);
        var jobs = fixture.Of<JobPosted>().ToList();
        foreach (var job in jobs)
        {
            Assert.InRange(job.EstimatedHours, 2, 10);
            Assert.Equal(0, job.EstimatedHours * 2 % 1);
            Assert.Equal(Math.Clamp(Math.Round(sizes[job.PropertyId] / 35 * 2, MidpointRounding.AwayFromZero) / 2, 2, 10), job.EstimatedHours);
            if (job.ClientBudget is { } budget)
            {
                var tier = _market.ClientBudgetTiers[job.ClientId].Profile();
                Assert.InRange(budget, tier.MinHourlyBudget * (decimal)job.EstimatedHours - 1, tier.MaxHourlyBudget * (decimal)job.EstimatedHours + 1);
            }
        }
        Assert.InRange(jobs.Count(j => j.ClientBudget is not null) / (double)jobs.Count, 0.77, 0.83);
    }

    [Fact]
    public void Each_job_gets_three_to_eight_bids_from_distinct_nearby_cleaners()
    {
        var bidsByJob = fixture.Of<BidPlaced>().GroupBy(b => b.JobId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var job in fixture.Of<JobPosted>())
        {
            var bids = bidsByJob.GetValueOrDefault(job.JobId) ?? [];
            // Jobs posted in the last two days may still be collecting bids.
            if (job.OccurredAt <= DefaultMarket.AsOf.AddHours(-48))
                Assert.InRange(bids.Count, 3, 8);
            else
                Assert.InRange(bids.Count, 0, 8);
            Assert.Equal(bids.Count, bids.Select(b => b.CleanerId).Distinct().Count());
            Assert.All(bids, b => Assert.InRange(b.OccurredAt, job.OccurredAt.AddMinutes(30), job.OccurredAt.AddHours(48)));
        }
        Assert.Equal(fixture.Of<BidPlaced>().Count(), fixture.Of<BidPlaced>().Select(b => b.BidId).Distinct().Count());

        // Bidders come from near the property: their mean distance is well under a random cleaner's.
        var cleaners = fixture.Of<CleanerRegistered>().ToDictionary(c => c.CleanerId);
        var properties = fixture.Of<PropertyRegistered>().ToDictionary(p => p.PropertyId);
        var jobs = fixture.Of<JobPosted>().ToDictionary(j => j.JobId);
        double Distance(long jobId, long cleanerId)
        {
            var p = properties[jobs[jobId].PropertyId];
            var c = cleaners[cleanerId];
            return Math.Sqrt(Math.Pow(p.Latitude - c.Latitude, 2) + Math.Pow((p.Longitude - c.Longitude) * 0.79, 2));
        }
        var bidders = fixture.Of<BidPlaced>().Average(b => Distance(b.JobId, b.CleanerId));
        var anyone = fixture.Of<BidPlaced>().Average(b => Distance(b.JobId, (b.BidId * 7919) % 200 + 1));
        Assert.True(bidders < anyone * 0.6, $"bidders {bidders:F4} deg, random cleaners {anyone:F4} deg");
    }

    [Fact]
    public void Bid_amounts_follow_tier_rate_hours_and_size()
    {
        var jobs = fixture.Of<JobPosted>().ToDictionary(j => j.JobId);
        var sizes = fixture.Of<PropertyRegistered>().ToDictionary(p => p.PropertyId, p => p.SizeM2);
        foreach (var bid in fixture.Of<BidPlaced>())
        {
            var job = jobs[bid.JobId];
            var profile = _market.CleanerTiers[bid.CleanerId].Profile();
            var sizeFactor = (decimal)Math.Clamp(1 + (sizes[job.PropertyId] - 100) / 1000, 0.9, 1.3);
            var hours = (decimal)job.EstimatedHours;
            Assert.InRange(bid.Amount, profile.MinHourlyRate * hours * sizeFactor * 0.90m - 0.01m, profile.MaxHourlyRate * hours * sizeFactor * 1.15m + 0.01m);
            Assert.Equal(Math.Round(bid.Amount, 2), bid.Amount);
        }
    }

    [Fact]
    public void Premium_cleaners_bid_sooner_than_budget_ones()
    {
        var posted = fixture.Of<JobPosted>().ToDictionary(j => j.JobId, j => j.OccurredAt);
        double MeanDelay(CleanerTier tier) => fixture.Of<BidPlaced>()
            .Where(b => _market.CleanerTiers[b.CleanerId] == tier)
            .Average(b => (b.OccurredAt - posted[b.JobId]).TotalHours);
        Assert.True(MeanDelay(CleanerTier.Premium) + 5 < MeanDelay(CleanerTier.Budget));
        Assert.True(MeanDelay(CleanerTier.Experienced) < MeanDelay(CleanerTier.Average));
    }

    [Fact]
    public void Every_accepted_bid_was_placed_on_that_job_by_that_cleaner_before_acceptance()
    {
        var bids = fixture.Of<BidPlaced>().ToDictionary(b => b.BidId);
        var lastBids = fixture.Of<BidPlaced>().GroupBy(b => b.JobId).ToDictionary(g => g.Key, g => g.Max(b => b.OccurredAt));
        var accepted = fixture.Of<BidAccepted>().ToList();
        Assert.NotEmpty(accepted);
        Assert.Equal(accepted.Count, accepted.Select(a => a.JobId).Distinct().Count());
        foreach (var acceptance in accepted)
        {
            Assert.True(bids.TryGetValue(acceptance.BidId, out var bid), $"bid {acceptance.BidId} was never placed");
            Assert.Equal(acceptance.JobId, bid.JobId);
            Assert.Equal(acceptance.CleanerId, bid.CleanerId);
            var lastBid = lastBids[acceptance.JobId];
            Assert.InRange(acceptance.OccurredAt, lastBid.AddHours(2), lastBid.AddHours(24));
        }
    }

    [Fact]
    public void Each_job_runs_its_lifecycle_in_order_with_its_cleaner()
    {
        var byJob = _market.Events.Where(e => e is not (CleanerRegistered or ClientRegistered or PropertyRegistered))
            .GroupBy(JobIdOf).ToDictionary(g => g.Key, g => g.ToList());
        var order = new[] { typeof(JobPosted), typeof(BidPlaced), typeof(BidAccepted), typeof(JobConfirmed), typeof(JobStarted) };
        foreach (var (jobId, events) in byJob)
        {
            // Stages never go backwards; the terminal ones only once.
            var stages = events.Select(e => Array.IndexOf(order, e.GetType()) is var i and >= 0 ? i : order.Length).ToList();
            Assert.Equal(stages.Order(), stages);
            Assert.Single(events.OfType<JobPosted>());
            Assert.True(events.OfType<JobCompleted>().Count() + events.OfType<JobCancelled>().Count() <= 1, $"job {jobId} ended twice");

            if (events.OfType<BidAccepted>().SingleOrDefault() is not { } accepted)
            {
                Assert.All(events, e => Assert.True(e is JobPosted or BidPlaced, $"{e.GetType().Name} on job {jobId} without acceptance"));
                continue;
            }
            var cleaner = accepted.CleanerId;
            Assert.All(events.OfType<JobConfirmed>(), c => Assert.Equal(cleaner, c.CleanerId));
            Assert.All(events.OfType<JobStarted>(), s => Assert.Equal(cleaner, s.CleanerId));
            Assert.All(events.OfType<JobCompleted>(), c => Assert.Equal(cleaner, c.CleanerId));
            Assert.All(events.OfType<JobCancelled>(), c => Assert.Equal(cleaner, c.CleanerId));
            Assert.All(events.OfType<ReviewSubmitted>(), r => Assert.Equal(cleaner, r.CleanerId));
            Assert.All(events.OfType<PaymentRecorded>(), p => Assert.Equal(cleaner, p.CleanerId));

            if (events.OfType<JobConfirmed>().SingleOrDefault() is { } confirmed)
            {
                Assert.InRange(confirmed.ScheduledStart, confirmed.OccurredAt.AddHours(7), confirmed.OccurredAt.AddDays(8));
                if (events.OfType<JobStarted>().SingleOrDefault() is { } started)
                    Assert.InRange(started.OccurredAt, confirmed.ScheduledStart, confirmed.ScheduledStart.AddMinutes(45));
            }
            if (events.OfType<JobCompleted>().Any())
            {
                Assert.Single(events.OfType<JobStarted>());
                Assert.True(events.OfType<ReviewSubmitted>().Count() <= 1);
                Assert.True(events.OfType<CompletionPhotosSubmitted>().Count() <= 1);
            }
            else
            {
                Assert.Empty(events.OfType<ReviewSubmitted>());
                Assert.Empty(events.OfType<PaymentRecorded>());
                Assert.Empty(events.OfType<CompletionPhotosSubmitted>());
            }
        }
    }

    [Fact]
    public void About_ninety_percent_of_finished_jobs_complete_and_budget_cleaners_cancel_most()
    {
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 2000, Seed = 7 });
        var completed = market.Events.OfType<JobCompleted>().ToList();
        var cancelled = market.Events.OfType<JobCancelled>().ToList();
        var rate = completed.Count / (double)(completed.Count + cancelled.Count);
        Assert.InRange(rate, 0.87, 0.93);
        Assert.All(cancelled, c => Assert.NotNull(c.CleanerId));
        Assert.All(cancelled, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));

        // Some cancellations come before the start, some after it.
        var started = market.Events.OfType<JobStarted>().Select(s => s.JobId).ToHashSet();
        Assert.InRange(cancelled.Count(c => started.Contains(c.JobId)) / (double)cancelled.Count, 0.3, 0.7);

        double CancelRate(CleanerGroup group)
        {
            bool In(long cleanerId) => group(market.CleanerTiers[cleanerId]);
            var done = completed.Count(c => In(c.CleanerId));
            var off = cancelled.Count(c => In(c.CleanerId!.Value));
            return off / (double)(done + off);
        }
        Assert.True(CancelRate(t => t == CleanerTier.Budget) > 2 * CancelRate(t => t == CleanerTier.Premium),
            $"budget {CancelRate(t => t == CleanerTier.Budget):P1}, premium {CancelRate(t => t == CleanerTier.Premium):P1}");
    }

    private delegate bool CleanerGroup(CleanerTier tier);

    [Fact]
    public void Reviews_follow_the_cleaners_tier_with_sub_ratings_near_overall()
    {
        var reviews = fixture.Of<ReviewSubmitted>().ToList();
        var completed = fixture.Of<JobCompleted>().Count();
        Assert.InRange(reviews.Count / (double)completed, 0.87, 0.93);
        Assert.Equal(reviews.Count, reviews.Select(r => r.ReviewId).Distinct().Count());
        var clients = fixture.Of<JobPosted>().ToDictionary(j => j.JobId, j => j.ClientId);
        foreach (var review in reviews)
        {
            var profile = _market.CleanerTiers[review.CleanerId].Profile();
            Assert.InRange(review.Overall, profile.MinRating, profile.MaxRating);
            Assert.Equal(clients[review.JobId], review.ClientId);
            foreach (var sub in new[] { review.Quality, review.Communication, review.Professionalism, review.Timeliness })
            {
                Assert.InRange(sub, 1, 10);
                Assert.InRange(sub, review.Overall - 1, review.Overall + 1);
            }
        }
        // Sub-ratings actually vary around overall.
        Assert.Contains(reviews, r => r.Quality != r.Overall);

        double Mean(CleanerTier tier) => reviews.Where(r => _market.CleanerTiers[r.CleanerId] == tier).Average(r => r.Overall);
        Assert.True(Mean(CleanerTier.Premium) > Mean(CleanerTier.Experienced));
        Assert.True(Mean(CleanerTier.Experienced) > Mean(CleanerTier.Average));
        Assert.True(Mean(CleanerTier.Average) > Mean(CleanerTier.Budget));
    }

    [Fact]
    public void Completed_jobs_are_paid_the_accepted_bid_less_a_fifteen_percent_fee()
    {
        var bids = fixture.Of<BidPlaced>().ToDictionary(b => b.BidId);
        var accepted = fixture.Of<BidAccepted>().ToDictionary(a => a.JobId, a => bids[a.BidId].Amount);
        var payments = fixture.Of<PaymentRecorded>().ToList();
        Assert.NotEmpty(payments);
        Assert.Equal(payments.Count, payments.Select(p => p.PaymentId).Distinct().Count());
        foreach (var payment in payments)
        {
            Assert.Equal(accepted[payment.JobId], payment.Amount);
            Assert.Equal(Math.Round(payment.Amount * 0.15m, 2, MidpointRounding.AwayFromZero), payment.PlatformFee);
            Assert.Equal("EUR", payment.Currency);
        }
        // Every completed job is paid unless AsOf cut in between.
        var paid = payments.Select(p => p.JobId).ToHashSet();
        var unpaid = fixture.Of<JobCompleted>().Where(c => !paid.Contains(c.JobId)).ToList();
        Assert.All(unpaid, c => Assert.True(c.OccurredAt > DefaultMarket.AsOf.AddHours(-2)));
    }

    [Fact]
    public void Photos_come_with_most_completions_and_nearly_always_from_premium_cleaners()
    {
        var completed = fixture.Of<JobCompleted>().ToList();
        var photographed = fixture.Of<CompletionPhotosSubmitted>().Select(p => p.JobId).ToHashSet();
        Assert.InRange(photographed.Count / (double)completed.Count, 0.80, 0.90);
        Assert.All(fixture.Of<CompletionPhotosSubmitted>(), p => Assert.InRange(p.PhotoCount, 1, 20));

        double Rate(CleanerTier tier)
        {
            var jobs = completed.Where(c => _market.CleanerTiers[c.CleanerId] == tier).ToList();
            return jobs.Count(c => photographed.Contains(c.JobId)) / (double)jobs.Count;
        }
        Assert.True(Rate(CleanerTier.Premium) > 0.94, $"premium {Rate(CleanerTier.Premium):P1}");
        Assert.InRange(Rate(CleanerTier.Budget), 0.45, 0.75);
    }

    [Fact]
    public void Clients_pick_by_budget_tier_and_early_birds_win_more_often()
    {
        var bids = fixture.Of<BidPlaced>().ToList();
        var posted = fixture.Of<JobPosted>().ToDictionary(j => j.JobId);
        var winners = fixture.Of<BidAccepted>().Select(a => a.BidId).ToHashSet();
        var cheapest = bids.GroupBy(b => b.JobId).ToDictionary(g => g.Key, g => g.MinBy(b => b.Amount)!.BidId);
        var open = _market.OpenJobIds.ToHashSet();

        // High-budget clients hire premium cleaners far more often than low-budget ones.
        double PremiumShare(ClientBudgetTier budget)
        {
            var won = fixture.Of<BidAccepted>().Where(a => _market.ClientBudgetTiers[posted[a.JobId].ClientId] == budget).ToList();
            return won.Count(a => _market.CleanerTiers[a.CleanerId] == CleanerTier.Premium) / (double)won.Count;
        }
        Assert.True(PremiumShare(ClientBudgetTier.High) > PremiumShare(ClientBudgetTier.Medium));
        Assert.True(PremiumShare(ClientBudgetTier.Medium) > PremiumShare(ClientBudgetTier.Low));

        // Low-budget clients mostly take the cheapest bid; high-budget ones much less often.
        double CheapestShare(ClientBudgetTier budget)
        {
            var jobs = fixture.Of<BidAccepted>().Where(a => _market.ClientBudgetTiers[posted[a.JobId].ClientId] == budget).ToList();
            return jobs.Count(a => cheapest[a.JobId] == a.BidId) / (double)jobs.Count;
        }
        Assert.True(CheapestShare(ClientBudgetTier.Low) > 0.4, $"low {CheapestShare(ClientBudgetTier.Low):P1}");
        Assert.True(CheapestShare(ClientBudgetTier.Low) > CheapestShare(ClientBudgetTier.High) + 0.2);

        // An early bid (within 6 h) wins more often than a late one.
        var decided = bids.Where(b => !open.Contains(b.JobId)).ToList();
        bool Early(BidPlaced b) => b.OccurredAt - posted[b.JobId].OccurredAt <= TimeSpan.FromHours(6);
        double WinRate(IEnumerable<BidPlaced> group) { var g = group.ToList(); return g.Count(b => winners.Contains(b.BidId)) / (double)g.Count; }
        Assert.True(WinRate(decided.Where(Early)) > 1.2 * WinRate(decided.Where(b => !Early(b))));
    }

    [Fact]
    public void About_two_percent_of_jobs_stay_open_with_bids_but_no_acceptance()
    {
        var open = _market.OpenJobIds.ToHashSet();
        Assert.InRange(open.Count / 5000.0, 0.01, 0.03);
        var jobs = fixture.Of<JobPosted>().ToDictionary(j => j.JobId);
        Assert.All(open, id => Assert.True(jobs[id].OccurredAt > DefaultMarket.AsOf.AddDays(-7)));
        Assert.DoesNotContain(fixture.Of<BidAccepted>(), a => open.Contains(a.JobId));
        Assert.True(fixture.Of<BidPlaced>().Count(b => open.Contains(b.JobId)) >= 3 * open.Count * 0.6);
        // Every other job got an acceptance.
        Assert.Equal(5000 - open.Count, fixture.Of<BidAccepted>().Count());
    }

    [Fact]
    public void Five_thousand_jobs_generate_quickly()
    {
        MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 100 });
        var watch = Stopwatch.StartNew();
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec);
        watch.Stop();
        Assert.InRange(market.Events.Count, 50_000, 90_000);
        // One second is the goal; the bound leaves room for a busy test machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Bad_specs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarketplaceGenerator.Generate(DefaultMarket.Spec with { Cleaners = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarketplaceGenerator.Generate(DefaultMarket.Spec with { Clients = 0 }));
        // Fewer cleaners than bids wanted: every cleaner bids, once.
        var tiny = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 50, Cleaners = 2, Clients = 3 });
        Assert.All(tiny.Events.OfType<BidPlaced>().GroupBy(b => b.JobId), g => Assert.InRange(g.Count(), 1, 2));
    }

    private static long JobIdOf(IMarketplaceEvent e) => e switch
    {
        JobPosted x => x.JobId,
        BidPlaced x => x.JobId,
        BidAccepted x => x.JobId,
        JobConfirmed x => x.JobId,
        JobStarted x => x.JobId,
        JobCompleted x => x.JobId,
        JobCancelled x => x.JobId,
        ReviewSubmitted x => x.JobId,
        CompletionPhotosSubmitted x => x.JobId,
        PaymentRecorded x => x.JobId,
        _ => throw new InvalidOperationException(e.GetType().Name),
    };
}
