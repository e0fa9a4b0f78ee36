using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using iAyos.Messaging.Training.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.CleaningMarketplace;

namespace iAyos.Messaging.Integration.Tests.CleaningMarketplace;

/// <summary>
/// A generated marketplace folded by the real ScoringWorker, read back by the TrainingWorker's snapshot reader: every
/// row equals what the events said, so the networks train on the market exactly as upstream reported it.
/// </summary>
[Collection(StackCollection.Name)]
public class When_the_read_model_is_read_for_training(Stack stack)
{
    [Fact]
    public async Task Should_read_back_every_participant_job_bid_review_and_payment_the_events_reported()
    {
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(Jobs: 300, Cleaners: 30, Clients: 60, Seed: 5, MarketplaceReplay.AsOf));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await MarketplaceReplay.ResetAsync(connection);
        await MarketplaceReplay.PublishAndWaitAsync(stack, market.Events, market.Events, connection, TimeSpan.FromMinutes(5));

        var snapshot = await new MarketplaceSnapshotReader(db).ReadAsync(CancellationToken.None);
        var expected = Expected(market.Events);

        Assert.Equal(expected.Cleaners, snapshot.Cleaners);
        Assert.Equal(expected.Properties, snapshot.Properties);
        Assert.Equal(expected.Jobs, snapshot.Jobs);
        Assert.Equal(expected.Bids, snapshot.Bids);
        Assert.Equal(expected.Reviews, snapshot.Reviews);
        Assert.Equal(expected.Payments, snapshot.Payments);
        Assert.Contains(snapshot.Jobs, j => j.CompletedAt is not null);
        Assert.Contains(snapshot.Jobs, j => j.CancelledAt is not null);
        Assert.NotEmpty(snapshot.Reviews);

        // Asked for more rows than this market has, each trainer refuses with the counts it found.
        var artifacts = Options.Create(new ModelArtifacts { ArtifactsDirectory = TestInfrastructure.ArtifactsDirectory });
        var versions = new TrainedVersions(new ModelRegistry(db), artifacts, null!);
        var reader = new MarketplaceSnapshotReader(db);
        var options = Options.Create(new TrainingJobOptions());
        IModelTrainer[] trainers =
        [
            new CleanerMatchTrainer(options, artifacts, reader, versions, NullLogger<CleanerMatchTrainer>.Instance),
            new CleaningBidTrainer(options, artifacts, reader, versions, NullLogger<CleaningBidTrainer>.Instance),
        ];
        foreach (var trainer in trainers)
        {
            var job = new TrainingJob(Guid.NewGuid(), trainer.Kind, new TrainingParameters { MinSamples = 100_000 }, 1, DateTimeOffset.UtcNow);
            var error = await Assert.ThrowsAsync<TrainingDataException>(() => trainer.TrainAsync(job, "unused.ckpt", null!, CancellationToken.None));
            Assert.Matches(@"^[1-9]\d* training rows from the cleaning marketplace read model .*; min_samples is 100000", error.Message);
        }
    }

    /// <summary>The snapshot the events describe, folded here independently of the ScoringWorker's SQL, in id order.</summary>
    private static MarketplaceSnapshot Expected(IReadOnlyList<IMarketplaceEvent> events)
    {
        var jobs = new SortedDictionary<long, SnapshotJob>();
        SnapshotJob Job(long id) => jobs.TryGetValue(id, out var j) ? j : new SnapshotJob(id, null, null, null, null, null, null, null, null, null, null, null, null, null);
        void Set(long id, Func<SnapshotJob, SnapshotJob> change) => jobs[id] = change(Job(id));
        foreach (var e in events)
        {
            switch (e)
            {
                case JobPosted p: Set(p.JobId, j => j with { ClientId = p.ClientId, PropertyId = p.PropertyId, EstimatedHours = p.EstimatedHours, ClientBudget = p.ClientBudget, PostedAt = Micro(p.OccurredAt) }); break;
                case BidAccepted a: Set(a.JobId, j => j with { AcceptedBidId = a.BidId, AcceptedCleanerId = a.CleanerId, AcceptedAt = Micro(a.OccurredAt) }); break;
                case JobConfirmed c: Set(c.JobId, j => j with { ScheduledStart = Micro(c.ScheduledStart), AcceptedCleanerId = j.AcceptedCleanerId ?? c.CleanerId }); break;
                case JobStarted s: Set(s.JobId, j => j with { StartedAt = Micro(s.OccurredAt), AcceptedCleanerId = j.AcceptedCleanerId ?? s.CleanerId }); break;
                case JobCompleted c: Set(c.JobId, j => j with { CompletedAt = Micro(c.OccurredAt), AcceptedCleanerId = j.AcceptedCleanerId ?? c.CleanerId }); break;
                case JobCancelled c: Set(c.JobId, j => j with { CancelledAt = Micro(c.OccurredAt) }); break;
                case CompletionPhotosSubmitted p: Set(p.JobId, j => j with { PhotoCount = p.PhotoCount, AcceptedCleanerId = j.AcceptedCleanerId ?? p.CleanerId }); break;
            }
        }
        // Profiles: the latest occurred_at wins, as upstream means it.
        static IEnumerable<T> Latest<T>(IEnumerable<T> all, Func<T, long> id, Func<T, DateTimeOffset> at) =>
            all.GroupBy(id).Select(g => g.OrderBy(at).Last()).OrderBy(id);
        return new MarketplaceSnapshot(
            Latest(events.OfType<CleanerRegistered>(), c => c.CleanerId, c => c.OccurredAt)
                .Select(c => new SnapshotCleaner(c.CleanerId, c.DisplayName, c.HourlyRate, c.Latitude, c.Longitude, c.OffersEcoProducts)).ToList(),
            Latest(events.OfType<PropertyRegistered>(), p => p.PropertyId, p => p.OccurredAt)
                .Select(p => new SnapshotProperty(p.PropertyId, p.ClientId, p.PropertyType, p.SizeM2, p.Latitude, p.Longitude, p.EcoPreference)).ToList(),
            jobs.Values.ToList(),
            events.OfType<BidPlaced>().OrderBy(b => b.BidId).Select(b => new SnapshotBid(b.BidId, b.JobId, b.CleanerId, b.Amount, Micro(b.OccurredAt))).ToList(),
            events.OfType<ReviewSubmitted>().OrderBy(r => r.ReviewId).Select(r => new SnapshotReview(r.ReviewId, r.JobId, r.CleanerId, r.ClientId, r.Overall,
                r.Quality, r.Communication, r.Professionalism, r.Timeliness, Micro(r.OccurredAt))).ToList(),
            events.OfType<PaymentRecorded>().OrderBy(p => p.PaymentId).Select(p => new SnapshotPayment(p.PaymentId, p.JobId, p.CleanerId, p.Amount,
                p.PlatformFee, Micro(p.OccurredAt))).ToList());
    }

    // PostgreSQL keeps microseconds, in UTC.
    private static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
