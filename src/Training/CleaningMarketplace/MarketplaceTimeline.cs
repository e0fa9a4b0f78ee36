using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// The marketplace replayed forward in time: <see cref="AdvanceTo"/> applies every fact that happened strictly
/// before a moment (reviews submitted, jobs accepted / completed / cancelled, bids placed, payments), after which
/// <see cref="Cleaner"/> gives a cleaner's facts exactly as the ScoringWorker's aggregate (CleanerScoreStore)
/// would have computed them at that moment, and <see cref="MarketPerHour"/> the market level the bid suggester
/// reads. One pass over the events for any number of increasing moments: no row ever sees its own future.
/// </summary>
public sealed class MarketplaceTimeline
{
    private readonly MarketplaceSnapshot _snapshot;
    private readonly Fact[] _facts;
    private readonly Dictionary<long, SnapshotJob> _jobs;
    private readonly Dictionary<long, SnapshotProperty> _properties;
    private readonly Dictionary<long, SnapshotCleaner> _cleaners;
    private readonly Dictionary<long, CleanerAccumulator> _stats = [];
    private readonly Dictionary<string, (double Sum, int Count)> _acceptedPerHour = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<long> _acceptedJobs = [];
    private readonly HashSet<long> _doneJobs = [];
    private readonly HashSet<long> _cancelledJobs = [];
    private double _bidPerHourSum;
    private int _bidPerHourCount;
    private int _next;

    public MarketplaceTimeline(MarketplaceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _jobs = snapshot.Jobs.ToDictionary(j => j.Id);
        _properties = snapshot.Properties.ToDictionary(p => p.Id);
        _cleaners = snapshot.Cleaners.ToDictionary(c => c.Id);
        var facts = new List<Fact>(snapshot.Bids.Count + snapshot.Reviews.Count + snapshot.Payments.Count + snapshot.Jobs.Count * 3);
        foreach (var job in snapshot.Jobs)
        {
            if (job.AcceptedCleanerId is null) continue;
            // A job is somebody's once accepted; a lifecycle event without the acceptance still attributes it (as the read model does).
            var attributed = job.AcceptedAt ?? job.ScheduledStart ?? job.StartedAt ?? job.CompletedAt ?? job.CancelledAt;
            if (attributed is { } a) facts.Add(new Fact(a, FactKind.Accepted, job.Id, 0));
            if (job.CompletedAt is { } c) facts.Add(new Fact(c, FactKind.Completed, job.Id, 1));
            if (job.CancelledAt is { } x) facts.Add(new Fact(x, FactKind.Cancelled, job.Id, 2));
        }
        foreach (var bid in snapshot.Bids) facts.Add(new Fact(bid.PlacedAt, FactKind.Bid, bid.Id, 3));
        var bids = snapshot.Bids.ToDictionary(b => b.Id);
        _bidsById = bids;
        _bidsByJob = snapshot.Bids.GroupBy(b => b.JobId).ToDictionary(g => g.Key, g => g.OrderBy(b => b.PlacedAt).ThenBy(b => b.Id).ToList());
        foreach (var review in snapshot.Reviews) facts.Add(new Fact(review.SubmittedAt, FactKind.Review, review.Id, 4));
        foreach (var payment in snapshot.Payments) facts.Add(new Fact(payment.PaidAt, FactKind.Payment, payment.Id, 5));
        _facts = [.. facts.OrderBy(f => f.At).ThenBy(f => f.Order).ThenBy(f => f.Id)];
        _reviews = snapshot.Reviews.ToDictionary(r => r.Id);
        _payments = snapshot.Payments.ToDictionary(p => p.Id);
    }

    private readonly Dictionary<long, SnapshotBid> _bidsById;
    private readonly Dictionary<long, List<SnapshotBid>> _bidsByJob;
    private readonly Dictionary<long, SnapshotReview> _reviews;
    private readonly Dictionary<long, SnapshotPayment> _payments;

    /// <summary>The moment the timeline stands at: every fact before it is applied, none at or after it.</summary>
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.MinValue;

    public MarketplaceSnapshot Snapshot => _snapshot;

    /// <summary>Moves forward to <paramref name="moment"/>; moments must not decrease (the walk is one pass).</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        if (moment < Now)
            throw new InvalidOperationException($"The timeline only moves forward: it stands at {Now:O}, asked for {moment:O}.");
        Now = moment;
        while (_next < _facts.Length && _facts[_next].At < moment)
            Apply(_facts[_next++]);
    }

    /// <summary>The all-bids average per estimated hour (the CleanerScore's bidding reference), as of now.</summary>
    public double? MarketBidPerHour => _bidPerHourCount == 0 ? null : _bidPerHourSum / _bidPerHourCount;

    /// <summary>What accepted bids paid per estimated hour for this property type, as of now (the bid suggester's market).</summary>
    public decimal? MarketPerHour(string propertyType) =>
        _acceptedPerHour.TryGetValue(propertyType, out var a) && a.Count > 0 ? Math.Round((decimal)(a.Sum / a.Count), 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The cleaner's aggregate as of now (the ScoringWorker's CleanerStats at this moment).</summary>
    public CleanerStats Stats(long cleanerId) =>
        _stats.TryGetValue(cleanerId, out var s) ? s.ToStats(cleanerId, Now) : new CleanerStats { CleanerId = cleanerId };

    public CleanerScore Score(long cleanerId) => CleanerScoreCalculator.Compute(Stats(cleanerId), MarketBidPerHour);

    /// <summary>The cleaner as the engine would have matched them now: profile plus score, ratings and rates.</summary>
    public CleanerFacts Cleaner(long cleanerId)
    {
        var profile = _cleaners[cleanerId];
        var score = Score(cleanerId);
        return FactsOf(profile, score);
    }

    /// <summary>A CleanerScore as a CleanerFacts, the way serving reads scoring.cleaner_scores.</summary>
    public static CleanerFacts FactsOf(SnapshotCleaner profile, CleanerScore score)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(score);
        var ratings = new CleanerRatings(score.AvgOverallRating, score.QualityRating / 10, score.CommunicationRating / 10,
            score.ProfessionalismRating / 10, score.TimelinessRating / 10, score.CompletionRate, score.OnTimeRate);
        return new CleanerFacts(profile.Id, profile.DisplayName, profile.HourlyRate, profile.Latitude, profile.Longitude,
            score.OverallScore, score.QualityScore, score.ReliabilityScore, score.PrimaryPropertyType, score.EcoShare,
            score.JobsInProgress, score.IsActive, score.TotalJobs, score.AverageBid, score.WinRate, ratings);
    }

    /// <summary>The job as posted, with the bids placed before now (count and lowest).</summary>
    public JobFacts Job(SnapshotJob job) => JobFactsOf(job, _properties, BidsOn(job.Id).Where(b => b.PlacedAt < Now));

    /// <summary>Every bid on the job (past and future: the caller filters by time).</summary>
    public IReadOnlyList<SnapshotBid> BidsOn(long jobId) => _bidsByJob.TryGetValue(jobId, out var bids) ? bids : [];

    public IReadOnlyDictionary<long, SnapshotProperty> Properties => _properties;

    public static JobFacts JobFactsOf(SnapshotJob job, IReadOnlyDictionary<long, SnapshotProperty> properties, IEnumerable<SnapshotBid> bidsSoFar)
    {
        ArgumentNullException.ThrowIfNull(job);
        var property = properties[job.PropertyId ?? throw new InvalidOperationException($"Job {job.Id} has no property.")];
        var bids = bidsSoFar.ToList();
        return new JobFacts(job.Id, job.ClientId ?? 0, property.PropertyType, property.SizeM2, property.Latitude, property.Longitude,
            property.EcoPreference, job.EstimatedHours ?? 0, job.ClientBudget, bids.Count, bids.Count == 0 ? null : bids.Min(b => b.Amount), job.PostedAt);
    }

    private void Apply(Fact fact)
    {
        switch (fact.Kind)
        {
            case FactKind.Accepted:
            {
                var job = _jobs[fact.Id];
                _acceptedJobs.Add(job.Id);
                var s = For(job.AcceptedCleanerId!.Value);
                s.Accepted++;
                s.InProgress++;
                if (job.AcceptedBidId is { } bidId && _bidsById.TryGetValue(bidId, out var bid))
                {
                    if (bid.CleanerId == job.AcceptedCleanerId) For(bid.CleanerId).BidsWon++;
                    if (job.EstimatedHours > 0 && job.PropertyId is { } pid && _properties.TryGetValue(pid, out var property))
                    {
                        var a = _acceptedPerHour.GetValueOrDefault(property.PropertyType);
                        _acceptedPerHour[property.PropertyType] = (a.Sum + (double)bid.Amount / job.EstimatedHours.Value, a.Count + 1);
                    }
                }
                break;
            }
            case FactKind.Completed:
            {
                var job = _jobs[fact.Id];
                if (!_acceptedJobs.Contains(job.Id) || _cancelledJobs.Contains(job.Id)) break;
                var s = For(job.AcceptedCleanerId!.Value);
                _doneJobs.Add(job.Id);
                s.InProgress--;
                s.Completed++;
                if (job.StartedAt is { } started && job.ScheduledStart is { } scheduled)
                {
                    s.Timed++;
                    if (started <= scheduled + CleanerScoreCalculator.OnTimeGrace) s.OnTime++;
                }
                // Photos follow the completion by minutes; the snapshot keeps no time for them, so they count with it.
                if (job.PhotoCount > 0) s.WithPhotos++;
                s.Completions.Add(fact.At);
                var type = _properties.TryGetValue(job.PropertyId ?? 0, out var p) ? p : null;
                if (type is not null)
                {
                    s.Types[type.PropertyType] = s.Types.GetValueOrDefault(type.PropertyType) + 1;
                    if (type.EcoPreference) s.EcoJobs++;
                }
                break;
            }
            case FactKind.Cancelled:
            {
                var job = _jobs[fact.Id];
                if (!_acceptedJobs.Contains(job.Id) || !_cancelledJobs.Add(job.Id)) break;
                var s = For(job.AcceptedCleanerId!.Value);
                s.Cancelled++;
                if (_doneJobs.Remove(job.Id))
                {
                    // Completed, then cancelled: the SQL no longer counts it as done.
                    s.Completed--;
                    if (job.StartedAt is { } started && job.ScheduledStart is { } scheduled)
                    {
                        s.Timed--;
                        if (started <= scheduled + CleanerScoreCalculator.OnTimeGrace) s.OnTime--;
                    }
                    if (job.PhotoCount > 0) s.WithPhotos--;
                    s.Completions.Remove(job.CompletedAt!.Value);
                    if (_properties.TryGetValue(job.PropertyId ?? 0, out var p))
                    {
                        s.Types[p.PropertyType]--;
                        if (p.EcoPreference) s.EcoJobs--;
                    }
                }
                else
                {
                    s.InProgress--;
                }
                break;
            }
            case FactKind.Bid:
            {
                var bid = _bidsById[fact.Id];
                var s = For(bid.CleanerId);
                s.Bids++;
                s.BidSum += bid.Amount;
                s.BidTimes.Add(bid.PlacedAt);
                if (_jobs.TryGetValue(bid.JobId, out var job) && job.EstimatedHours > 0)
                {
                    var perHour = (double)bid.Amount / job.EstimatedHours.Value;
                    s.BidPerHourSum += perHour;
                    s.BidPerHourCount++;
                    _bidPerHourSum += perHour;
                    _bidPerHourCount++;
                }
                break;
            }
            case FactKind.Review:
            {
                var r = _reviews[fact.Id];
                var s = For(r.CleanerId);
                s.Reviews++;
                s.Overall += r.Overall;
                s.Quality += r.Quality;
                s.Communication += r.Communication;
                s.Professionalism += r.Professionalism;
                s.Timeliness += r.Timeliness;
                break;
            }
            case FactKind.Payment:
            {
                var p = _payments[fact.Id];
                For(p.CleanerId).Earnings += p.Amount - p.PlatformFee;
                break;
            }
        }
    }

    private CleanerAccumulator For(long cleanerId)
    {
        if (!_stats.TryGetValue(cleanerId, out var s))
            _stats[cleanerId] = s = new CleanerAccumulator();
        return s;
    }

    private enum FactKind { Accepted, Completed, Cancelled, Bid, Review, Payment }

    private readonly record struct Fact(DateTimeOffset At, FactKind Kind, long Id, int Order);

    private sealed class CleanerAccumulator
    {
        public int Accepted, Completed, Cancelled, InProgress, Timed, OnTime, WithPhotos, EcoJobs;
        public int Reviews;
        public double Overall, Quality, Communication, Professionalism, Timeliness;
        public int Bids, BidsWon, BidPerHourCount;
        public decimal BidSum, Earnings;
        public double BidPerHourSum;
        public readonly List<DateTimeOffset> Completions = [];
        public readonly List<DateTimeOffset> BidTimes = [];
        public readonly Dictionary<string, int> Types = new(StringComparer.Ordinal);

        public CleanerStats ToStats(long cleanerId, DateTimeOffset now) => new()
        {
            CleanerId = cleanerId,
            AcceptedJobs = Accepted,
            CompletedJobs = Completed,
            CancelledJobs = Cancelled,
            JobsInProgress = InProgress,
            TimedJobs = Timed,
            OnTimeJobs = OnTime,
            JobsWithPhotos = WithPhotos,
            JobsLast30Days = Within(Completions, now, 30),
            JobsLast90Days = Within(Completions, now, 90),
            ReviewCount = Reviews,
            AvgOverall = Reviews == 0 ? null : Overall / Reviews,
            AvgQuality = Reviews == 0 ? null : Quality / Reviews,
            AvgCommunication = Reviews == 0 ? null : Communication / Reviews,
            AvgProfessionalism = Reviews == 0 ? null : Professionalism / Reviews,
            AvgTimeliness = Reviews == 0 ? null : Timeliness / Reviews,
            BidsPlaced = Bids,
            BidsWon = BidsWon,
            AverageBid = Bids == 0 ? null : Math.Round(BidSum / Bids, 2, MidpointRounding.AwayFromZero),
            AverageBidPerHour = BidPerHourCount == 0 ? null : BidPerHourSum / BidPerHourCount,
            BidsLast30Days = Within(BidTimes, now, 30),
            TotalEarnings = Earnings,
            // Ties by name, as the SQL's ORDER BY count DESC, property_type.
            PrimaryPropertyType = Types.Where(t => t.Value > 0).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => t.Key).FirstOrDefault(),
            EcoShare = Completed == 0 ? 0 : (double)EcoJobs / Completed,
        };

        /// <summary>Times in (now - days, now): the lists are appended in time order, so a binary search finds the window.</summary>
        private static int Within(List<DateTimeOffset> times, DateTimeOffset now, int days)
        {
            var from = now - TimeSpan.FromDays(days);
            var lo = 0;
            var hi = times.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (times[mid] <= from) lo = mid + 1; else hi = mid;
            }
            return times.Count - lo;
        }
    }
}
