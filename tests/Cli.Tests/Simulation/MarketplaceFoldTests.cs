using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;
using Xunit;

namespace iAyos.Messaging.Cli.Tests.Simulation;

public sealed class MarketplaceFoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_generated_market_folds_into_one_row_per_entity_with_every_fact()
    {
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(300, 30, 60, 3, T0));
        var snapshot = MarketplaceFold.Fold(market.Events);

        Assert.Equal(30, snapshot.Cleaners.Count);
        Assert.Equal(market.Events.OfType<PropertyRegistered>().Count(), snapshot.Properties.Count);
        Assert.Equal(300, snapshot.Jobs.Count(j => j.PostedAt is not null));
        Assert.Equal(market.Events.OfType<BidPlaced>().Count(), snapshot.Bids.Count);
        Assert.Equal(market.Events.OfType<ReviewSubmitted>().Count(), snapshot.Reviews.Count);
        Assert.Equal(market.Events.OfType<PaymentRecorded>().Count(), snapshot.Payments.Count);
        foreach (var accepted in market.Events.OfType<BidAccepted>())
        {
            var job = snapshot.Jobs.Single(j => j.Id == accepted.JobId);
            Assert.Equal(accepted.BidId, job.AcceptedBidId);
            Assert.Equal(accepted.CleanerId, job.AcceptedCleanerId);
            Assert.Equal(accepted.OccurredAt, job.AcceptedAt);
        }
        Assert.Equal(market.Events.OfType<JobCompleted>().Count(), snapshot.Jobs.Count(j => j.CompletedAt is not null));
        Assert.Equal(market.Events.OfType<JobCancelled>().Count(), snapshot.Jobs.Count(j => j.CancelledAt is not null));
    }

    [Fact]
    public void Profiles_are_last_writer_wins_and_a_lifecycle_event_attributes_a_job_before_its_acceptance()
    {
        IMarketplaceEvent[] events =
        [
            Cleaner(T0.AddHours(2), rate: 20),
            Cleaner(T0, rate: 15), // older, arrives later: ignored
            new JobCompleted { EventId = Guid.NewGuid(), OccurredAt = T0.AddHours(5), JobId = 9, CleanerId = 1 },
            new JobPosted { EventId = Guid.NewGuid(), OccurredAt = T0.AddHours(1), JobId = 9, ClientId = 4, PropertyId = 2, EstimatedHours = 3 },
            new BidPlaced { EventId = Guid.NewGuid(), OccurredAt = T0.AddHours(2), BidId = 5, JobId = 9, CleanerId = 1, Amount = 60 },
            new BidPlaced { EventId = Guid.NewGuid(), OccurredAt = T0.AddHours(3), BidId = 5, JobId = 9, CleanerId = 1, Amount = 99 }, // a repeat id: kept once
        ];
        var snapshot = MarketplaceFold.Fold(events);

        Assert.Equal(20m, Assert.Single(snapshot.Cleaners).HourlyRate);
        var job = Assert.Single(snapshot.Jobs);
        Assert.Equal(1, job.AcceptedCleanerId);
        Assert.Null(job.AcceptedAt);
        Assert.Equal(T0.AddHours(5), job.CompletedAt);
        Assert.Equal(4, job.ClientId);
        Assert.Equal(60m, Assert.Single(snapshot.Bids).Amount);
    }

    private static CleanerRegistered Cleaner(DateTimeOffset at, decimal rate) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, CleanerId = 1, DisplayName = "Maria", HourlyRate = rate, Latitude = 37.98, Longitude = 23.72,
    };
}
