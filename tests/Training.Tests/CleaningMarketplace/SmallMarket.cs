using iAyos.Messaging.Training.CleaningMarketplace;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace;

/// <summary>
/// A small random marketplace snapshot for the as-of tests: jobs with bids, acceptances, completions or
/// cancellations (some after a start), photos, reviews and payments at random times, so every stat moves.
/// </summary>
internal static class SmallMarket
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static MarketplaceSnapshot Build(int seed, int jobs = 80, int cleaners = 6)
    {
        var random = new Random(seed);
        string[] types = ["apartment", "house", "office", "villa"];
        var cleanerRows = Enumerable.Range(1, cleaners)
            .Select(i => new SnapshotCleaner(i, $"Cleaner {i}", 10 + i, 37.98 + random.NextDouble() * 0.1, 23.72 + random.NextDouble() * 0.1, i % 2 == 0))
            .ToList();
        var properties = Enumerable.Range(1, 10)
            .Select(i => new SnapshotProperty(i, 100 + i % 4, types[i % 4], 50 + 20 * i, 37.98, 23.73, i % 3 == 0))
            .ToList();
        var jobRows = new List<SnapshotJob>();
        var bids = new List<SnapshotBid>();
        var reviews = new List<SnapshotReview>();
        var payments = new List<SnapshotPayment>();
        long bidId = 0;
        for (var j = 1; j <= jobs; j++)
        {
            var property = properties[random.Next(properties.Count)];
            var posted = Start + TimeSpan.FromHours(random.Next(0, 24 * 200));
            var hours = 2 + random.Next(0, 8);
            var jobBids = new List<SnapshotBid>();
            foreach (var c in cleanerRows.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
                jobBids.Add(new SnapshotBid(++bidId, j, c.Id, 40 + random.Next(0, 100), posted + TimeSpan.FromHours(1 + random.Next(0, 30))));
            bids.AddRange(jobBids);
            var job = new SnapshotJob(j, property.ClientId, property.Id, hours, random.Next(3) == 0 ? null : 100, posted,
                null, null, null, null, null, null, null, null);
            if (random.Next(5) > 0)
            {
                var winner = jobBids[random.Next(jobBids.Count)];
                var accepted = jobBids.Max(b => b.PlacedAt) + TimeSpan.FromHours(2);
                var scheduled = accepted + TimeSpan.FromDays(2);
                var started = scheduled + TimeSpan.FromMinutes(random.Next(0, 40));
                job = job with { AcceptedBidId = winner.Id, AcceptedCleanerId = winner.CleanerId, AcceptedAt = accepted, ScheduledStart = scheduled };
                switch (random.Next(6))
                {
                    case 0: job = job with { CancelledAt = accepted + TimeSpan.FromDays(1) }; break;
                    case 1: job = job with { StartedAt = started, CancelledAt = started + TimeSpan.FromHours(1) }; break;
                    case 2: break; // still in progress
                    default:
                        var completed = started + TimeSpan.FromHours(hours);
                        job = job with { StartedAt = started, CompletedAt = completed, PhotoCount = random.Next(2) == 0 ? 0 : 5 };
                        payments.Add(new SnapshotPayment(payments.Count + 1, j, winner.CleanerId, winner.Amount, winner.Amount * 0.15m, completed + TimeSpan.FromHours(1)));
                        if (random.Next(4) > 0)
                        {
                            var overall = random.Next(5, 11);
                            reviews.Add(new SnapshotReview(reviews.Count + 1, j, winner.CleanerId, property.ClientId, overall, overall, Math.Max(1, overall - 1), overall, overall,
                                completed + TimeSpan.FromHours(1 + random.Next(0, 72))));
                        }
                        break;
                }
            }
            jobRows.Add(job);
        }
        return new MarketplaceSnapshot(cleanerRows, properties, jobRows, bids, reviews, payments);
    }
}
