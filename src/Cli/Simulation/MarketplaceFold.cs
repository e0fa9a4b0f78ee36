using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Training.CleaningMarketplace;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// Folds marketplace events into the read model in memory, with the ScoringWorker's semantics (ReadModelSql):
/// profiles last-writer-wins on OccurredAt, each job fact owns its columns, later lifecycle events attribute the
/// job to their cleaner when the acceptance has not arrived, bids/reviews/payments insert once by id. Lets tests
/// and the CLI train and evaluate without a database.
/// </summary>
public static class MarketplaceFold
{
    public static MarketplaceSnapshot Fold(IEnumerable<IMarketplaceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var cleaners = new Dictionary<long, (SnapshotCleaner Row, DateTimeOffset At)>();
        var properties = new Dictionary<long, (SnapshotProperty Row, DateTimeOffset At)>();
        var jobs = new Dictionary<long, SnapshotJob>();
        var bids = new Dictionary<long, SnapshotBid>();
        var reviews = new Dictionary<long, SnapshotReview>();
        var payments = new Dictionary<long, SnapshotPayment>();

        SnapshotJob Job(long id) => jobs.TryGetValue(id, out var j) ? j
            : new SnapshotJob(id, null, null, null, null, null, null, null, null, null, null, null, null, null);

        foreach (var e in events)
        {
            var at = e.OccurredAt.ToUniversalTime();
            switch (e)
            {
                case CleanerRegistered c: Upsert(cleaners, c.CleanerId, new SnapshotCleaner(c.CleanerId, c.DisplayName, c.HourlyRate, c.Latitude, c.Longitude, c.OffersEcoProducts), at); break;
                case CleanerUpdated c: Upsert(cleaners, c.CleanerId, new SnapshotCleaner(c.CleanerId, c.DisplayName, c.HourlyRate, c.Latitude, c.Longitude, c.OffersEcoProducts), at); break;
                case PropertyRegistered p: Upsert(properties, p.PropertyId, new SnapshotProperty(p.PropertyId, p.ClientId, p.PropertyType, p.SizeM2, p.Latitude, p.Longitude, p.EcoPreference), at); break;
                case PropertyUpdated p: Upsert(properties, p.PropertyId, new SnapshotProperty(p.PropertyId, p.ClientId, p.PropertyType, p.SizeM2, p.Latitude, p.Longitude, p.EcoPreference), at); break;
                case JobPosted j: jobs[j.JobId] = Job(j.JobId) with { ClientId = j.ClientId, PropertyId = j.PropertyId, EstimatedHours = j.EstimatedHours, ClientBudget = j.ClientBudget, PostedAt = at }; break;
                case BidPlaced b: bids.TryAdd(b.BidId, new SnapshotBid(b.BidId, b.JobId, b.CleanerId, b.Amount, at)); break;
                case BidAccepted a: jobs[a.JobId] = Job(a.JobId) with { AcceptedBidId = a.BidId, AcceptedCleanerId = a.CleanerId, AcceptedAt = at }; break;
                case JobConfirmed c: { var j = Job(c.JobId); jobs[c.JobId] = j with { ScheduledStart = c.ScheduledStart.ToUniversalTime(), AcceptedCleanerId = j.AcceptedCleanerId ?? c.CleanerId }; break; }
                case JobStarted s: { var j = Job(s.JobId); jobs[s.JobId] = j with { StartedAt = at, AcceptedCleanerId = j.AcceptedCleanerId ?? s.CleanerId }; break; }
                case JobCompleted d: { var j = Job(d.JobId); jobs[d.JobId] = j with { CompletedAt = at, AcceptedCleanerId = j.AcceptedCleanerId ?? d.CleanerId }; break; }
                case JobCancelled x: jobs[x.JobId] = Job(x.JobId) with { CancelledAt = at }; break;
                case CompletionPhotosSubmitted p: { var j = Job(p.JobId); jobs[p.JobId] = j with { PhotoCount = p.PhotoCount, AcceptedCleanerId = j.AcceptedCleanerId ?? p.CleanerId }; break; }
                case ReviewSubmitted r: reviews.TryAdd(r.ReviewId, new SnapshotReview(r.ReviewId, r.JobId, r.CleanerId, r.ClientId, r.Overall, r.Quality, r.Communication, r.Professionalism, r.Timeliness, at)); break;
                case PaymentRecorded p: payments.TryAdd(p.PaymentId, new SnapshotPayment(p.PaymentId, p.JobId, p.CleanerId, p.Amount, p.PlatformFee, at)); break;
            }
        }
        return new MarketplaceSnapshot(
            [.. cleaners.Values.Select(c => c.Row).OrderBy(c => c.Id)],
            [.. properties.Values.Select(p => p.Row).OrderBy(p => p.Id)],
            [.. jobs.Values.OrderBy(j => j.Id)],
            [.. bids.Values.OrderBy(b => b.Id)],
            [.. reviews.Values.OrderBy(r => r.Id)],
            [.. payments.Values.OrderBy(p => p.Id)]);
    }

    private static void Upsert<T>(Dictionary<long, (T Row, DateTimeOffset At)> table, long id, T row, DateTimeOffset at)
    {
        // Last writer wins on occurred_at; an older update never overwrites a newer profile.
        if (!table.TryGetValue(id, out var current) || current.At <= at)
            table[id] = (row, at);
    }
}
