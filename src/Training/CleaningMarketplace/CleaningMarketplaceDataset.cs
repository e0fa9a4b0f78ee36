using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// Everything the cleaning networks train and are judged on, built from a snapshot in one walk through time:
/// match rows (hires with a review), bid rows (accepted bids) and the test hire cases, each split by posting time
/// (seed 004: 80/20, the later jobs held out; validation = the latest 10% of the training part). Every feature is
/// as of the job's posting, so no row sees its own review or anything after it. <see cref="Hires"/> holds every
/// decided job in posting order (all with at least one bidder, the hired one among them).
/// </summary>
public sealed record CleaningMarketplaceDataset(
    TimeSplit<MatchRow> Match,
    TimeSplit<BidRow> Bids,
    IReadOnlyList<HireCase> Hires,
    DateTimeOffset TestFrom,
    IReadOnlyList<long> ClientIds,
    IReadOnlyList<long> CleanerIds,
    IReadOnlyList<string> PropertyTypes)
{
    public const double TestShare = 0.2;
    public const double ValidationShare = 0.1;

    /// <summary>The four property types the seed names, in embedding order (index 1..4; 0 = unknown).</summary>
    public static readonly IReadOnlyList<string> KnownPropertyTypes = ["apartment", "house", "office", "villa"];

    public static CleaningMarketplaceDataset Build(MarketplaceSnapshot snapshot, double testShare = TestShare, double validationShare = ValidationShare)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var timeline = new MarketplaceTimeline(snapshot);
        var reviewByJob = snapshot.Reviews.GroupBy(r => r.JobId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).First());
        var properties = snapshot.Properties.ToDictionary(p => p.Id);
        var postedJobs = snapshot.Jobs
            .Where(j => j.PostedAt is not null && j.PropertyId is { } p && properties.ContainsKey(p) && j.ClientId is not null)
            .OrderBy(j => j.PostedAt).ThenBy(j => j.Id).ToList();

        var matchRows = new List<MatchRow>();
        var bidRows = new List<BidRow>();
        var hires = new List<HireCase>();
        foreach (var job in postedJobs)
        {
            timeline.AdvanceTo(job.PostedAt!.Value);
            if (job.AcceptedCleanerId is not { } hired || job.AcceptedBidId is not { } acceptedBidId)
                continue;
            var bids = timeline.BidsOn(job.Id);
            var accepted = bids.FirstOrDefault(b => b.Id == acceptedBidId);
            if (accepted is null || accepted.CleanerId != hired)
                continue;
            var jobFacts = timeline.Job(job);
            var cleaner = timeline.Cleaner(hired);

            // The accepted bid, as its cleaner could have priced it: the bids already in, the market as of posting.
            var before = bids.Where(b => b.PlacedAt < accepted.PlacedAt || (b.PlacedAt == accepted.PlacedAt && b.Id < accepted.Id)).ToList();
            var bidJob = jobFacts with { CurrentBidCount = before.Count, LowestBid = before.Count == 0 ? null : before.Min(b => b.Amount) };
            var market = timeline.MarketPerHour(jobFacts.PropertyType);
            var rule = BidSuggester.Suggest(bidJob, cleaner, market);
            bidRows.Add(new BidRow(job.Id, hired, job.PostedAt.Value, BidFeatures.Row(bidJob, cleaner, market), accepted.Amount,
                rule.OptimalBid, rule.MinBid, rule.MaxBid,
                market is { } m ? m * (decimal)MatchParts.SafeHours(jobFacts.EstimatedHours) : null));

            // Every bidder as of posting, for the hire measure (only the test part's are kept below).
            var bidders = bids.Select(b =>
            {
                var facts = b.CleanerId == hired ? cleaner : timeline.Cleaner(b.CleanerId);
                return new HireBidder(b.Id, facts, b.Amount, CleanerMatchFeatures.Row(jobFacts, facts, b.Amount)) { PlacedAt = b.PlacedAt };
            }).ToList();
            hires.Add(new HireCase(job.Id, job.PostedAt.Value, jobFacts, bidders, hired));

            if (job.CompletedAt is not null && job.CancelledAt is null && reviewByJob.TryGetValue(job.Id, out var review))
            {
                matchRows.Add(new MatchRow(job.Id, jobFacts.ClientId, hired, Normalise(jobFacts.PropertyType), job.PostedAt.Value,
                    CleanerMatchFeatures.Row(jobFacts, cleaner, accepted.Amount), review.Overall / 10.0, cleaner.OverallScore / 100));
            }
        }

        var match = TimeSplit<MatchRow>.Cut(matchRows, testShare, validationShare);
        var bidSplit = TimeSplit<BidRow>.Cut(bidRows, testShare, validationShare);
        var testFrom = match.Test.Count > 0 ? match.Test[0].PostedAt : DateTimeOffset.MaxValue;
        // IDs from the rows the network fits on, in first-seen order: anyone first seen later is cold start.
        var clientIds = match.Fit.Select(r => r.ClientId).Distinct().ToList();
        var cleanerIds = match.Fit.Select(r => r.CleanerId).Distinct().ToList();
        return new CleaningMarketplaceDataset(match, bidSplit, hires, testFrom,
            clientIds, cleanerIds, KnownPropertyTypes);
    }

    /// <summary>The held-out jobs with a hire: posted at or after the first test review row.</summary>
    public IReadOnlyList<HireCase> TestHires => _testHires ??= [.. Hires.Where(h => h.PostedAt >= TestFrom)];

    private IReadOnlyList<HireCase>? _testHires;

    public static string Normalise(string propertyType) => propertyType.Trim().ToLowerInvariant();
}
