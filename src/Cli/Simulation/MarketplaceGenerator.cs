using iAyos.Messaging.Contracts.Marketplace;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>What to simulate: how many jobs, cleaners and clients, the seed, and the moment the data ends.</summary>
public sealed record MarketplaceSpec(int Jobs, int Cleaners, int Clients, int Seed, DateTimeOffset AsOf);

/// <summary>
/// The simulated market's events in upstream order (by OccurredAt, ties in generation order), plus the
/// hidden truth behind them: each cleaner's tier, each client's budget tier, and the jobs left open at AsOf.
/// </summary>
public sealed record GeneratedMarketplace(
    IReadOnlyList<IMarketplaceEvent> Events,
    IReadOnlyDictionary<long, CleanerTier> CleanerTiers,
    IReadOnlyDictionary<long, ClientBudgetTier> ClientBudgetTiers,
    IReadOnlyList<long> OpenJobIds)
{
    /// <summary>Each cleaner's own standard (1-10): what their reviews scatter around (N(0, <see cref="MarketplaceGenerator.ReviewNoise"/>), rounded, clamped to the tier's band).</summary>
    public IReadOnlyDictionary<long, double> CleanerReputations { get; init; } = new Dictionary<long, double>();

    /// <summary>
    /// Every bid of a job that was decided: the client's selection utility without its random factor (price and
    /// reputation weighted by budget tier, early bird, over budget, eco). Ranking a job's bidders by it is the best
    /// any model of the market can do: the rest of the choice is noise.
    /// </summary>
    public IReadOnlyDictionary<long, double> BidUtilities { get; init; } = new Dictionary<long, double>();
}

/// <summary>
/// A deterministic cleaning marketplace around Athens (seed section 4): tiered cleaners, clients with
/// budget tiers and 1-3 properties, a year of jobs each with 3-8 bids from nearby cleaners, bid selection
/// by the client's budget tier, and the lifecycle that follows (confirm, start, 90% complete / 10% cancel,
/// photos, reviews correlated with tier, payments). The same spec always gives the same events, EventIds
/// included: all randomness comes from <see cref="Random"/> seeded by the spec, never from the clock.
/// </summary>
public static class MarketplaceGenerator
{
    public const double CentreLatitude = 37.9838;
    public const double CentreLongitude = 23.7275;
    /// <summary>Everyone lives within this many degrees of the centre, in latitude and in longitude.</summary>
    public const double SpreadDegrees = 0.15;

    public const int DaysOfJobs = 365;
    /// <summary>Jobs posted this close to AsOf get bids but no acceptance yet (about 2% of a year's jobs).</summary>
    public static readonly TimeSpan OpenWindow = TimeSpan.FromDays(7);
    /// <summary>Bidders are drawn from this many cleaners nearest the property.</summary>
    public const int NearestCandidates = 40;
    public const int MinBids = 3;
    public const int MaxBids = 8;
    public const double MinBidDelayHours = 0.5;
    public const double MaxBidDelayHours = 48;
    /// <summary>A bid within this many hours of the posting gets the early-bird bonus in selection.</summary>
    public const double EarlyBirdHours = 6;
    public const double CompletionRate = 0.90;
    public const double ReviewRate = 0.90;
    public const decimal PlatformFeeRate = 0.15m;
    /// <summary>The standard deviation of a review's overall around the cleaner's reputation, before rounding and clamping.</summary>
    public const double ReviewNoise = 0.6;
    /// <summary>The random factor in a client's pick: uniform on [0, this).</summary>
    public const double SelectionNoise = 0.25;

    private const double CleanerEcoShare = 0.40;
    private const double PropertyEcoShare = 0.30;
    private const double StatedBudgetShare = 0.80;
    private const int EventIdSalt = 0x5EED_1D5;

    private static readonly (string Type, double Weight, double MinSize, double MaxSize)[] PropertyKinds =
    [
        (PropertyTypes.Apartment, 0.50, 40, 120),
        (PropertyTypes.House, 0.25, 80, 250),
        (PropertyTypes.Office, 0.15, 50, 400),
        (PropertyTypes.Villa, 0.10, 200, 600),
    ];

    private static readonly string[] FirstNames =
    [
        "Maria", "Eleni", "Katerina", "Vasiliki", "Sofia", "Angeliki", "Dimitra", "Georgia", "Ioanna", "Christina",
        "Giorgos", "Dimitris", "Nikos", "Kostas", "Giannis", "Panagiotis", "Vasilis", "Christos", "Thanasis", "Stavros",
    ];

    private static readonly string[] Surnames =
    [
        "Papadopoulou", "Papadopoulos", "Georgiou", "Nikolaou", "Ioannou", "Konstantinou", "Dimitriou", "Pappas",
        "Vlachos", "Oikonomou", "Makris", "Alexiou", "Antoniou", "Karagiannis", "Christodoulou", "Athanasiou",
    ];

    private static readonly string[][] CommentsByBand =
    [
        ["Not happy with the result.", "Several spots were missed.", "Had to ask twice for the basics."],
        ["Okay overall.", "Decent job, a few things missed.", "Fine for the price."],
        ["Good job, thank you!", "Reliable and friendly.", "Place looks great."],
        ["Spotless, absolutely recommended!", "Best cleaner we have had.", "Meticulous and on time."],
    ];

    public static GeneratedMarketplace Generate(MarketplaceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.Jobs, nameof(spec.Jobs));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Cleaners, 1, nameof(spec.Cleaners));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Clients, 1, nameof(spec.Clients));
        return new Market(spec).Run();
    }

    /// <summary>The size factor bids scale with: 1 + (size - 100) / 1000, within [0.9, 1.3].</summary>
    public static double SizeFactor(double sizeM2) => Math.Clamp(1 + (sizeM2 - 100) / 1000, 0.9, 1.3);

    /// <summary>Estimated hours from the property size: size / 35, to the half hour, within [2, 10].</summary>
    public static double EstimateHours(double sizeM2) => Math.Clamp(Math.Round(sizeM2 / 35 * 2, MidpointRounding.AwayFromZero) / 2, 2, 10);

    private sealed record Cleaner(long Id, CleanerTierProfile Profile, decimal HourlyRate, double Latitude, double Longitude, bool Eco, double Reputation);

    private sealed record Client(long Id, ClientBudgetProfile Budget, List<Property> Properties);

    private sealed record Property(long Id, long ClientId, string Type, double SizeM2, double Latitude, double Longitude, bool Eco)
    {
        public int[]? Nearest { get; set; }
    }

    private sealed record Bid(long BidId, Cleaner Cleaner, decimal Amount, DateTimeOffset At, double DelayHours);

    private sealed record Job(long Id, Client Client, Property Property, DateTimeOffset PostedAt, double Hours, decimal? Budget, bool Open)
    {
        public List<Bid> Bids { get; } = [];
        public Bid? Winner { get; set; }
    }

    private sealed class Market(MarketplaceSpec spec)
    {
        private readonly Random _random = new(spec.Seed);
        private readonly Random _ids = new(spec.Seed ^ EventIdSalt);
        private readonly DateTimeOffset _asOf = spec.AsOf.ToUniversalTime();
        private readonly List<IMarketplaceEvent> _events = new(spec.Jobs * 14 + spec.Cleaners + spec.Clients * 3);
        private long _bidIds, _reviewIds, _paymentIds;
        // Hidden truth, recorded beside the draws (never a draw of its own, so the events stay as they were).
        private readonly Dictionary<long, double> _utilities = [];

        public GeneratedMarketplace Run()
        {
            var windowStart = _asOf - TimeSpan.FromDays(DaysOfJobs);
            var cleaners = RegisterCleaners(windowStart);
            var clients = RegisterClients(windowStart);
            var jobs = PostJobs(windowStart, clients, cleaners);
            var cancelRates = CancelRates(jobs);
            foreach (var job in jobs)
            {
                if (job.Winner is { } winner)
                    RunLifecycle(job, winner, cancelRates[(int)winner.Cleaner.Profile.Tier]);
            }

            // Upstream order: by time, ties in generation order (OrderBy is stable); nothing after AsOf.
            var events = _events.Where(e => e.OccurredAt <= _asOf).OrderBy(e => e.OccurredAt).ToList();
            return new GeneratedMarketplace(
                events,
                cleaners.ToDictionary(c => c.Id, c => c.Profile.Tier),
                clients.ToDictionary(c => c.Id, c => c.Budget.Tier),
                jobs.Where(j => j.Open).Select(j => j.Id).ToList())
            {
                CleanerReputations = cleaners.ToDictionary(c => c.Id, c => c.Reputation),
                BidUtilities = _utilities,
            };
        }

        private Cleaner[] RegisterCleaners(DateTimeOffset windowStart)
        {
            var tiers = Allocate(spec.Cleaners, CleanerTiers.All, t => t.Share);
            var cleaners = new Cleaner[spec.Cleaners];
            for (var i = 0; i < cleaners.Length; i++)
            {
                var profile = tiers[i];
                var rate = RoundToHalf(Uniform((double)profile.MinHourlyRate, (double)profile.MaxHourlyRate));
                var (lat, lon) = AroundAthens();
                var cleaner = new Cleaner(i + 1, profile, rate, lat, lon, Chance(CleanerEcoShare),
                    // Their own standard within the tier's band: what reviews scatter around.
                    Reputation: Uniform(profile.MinRating, profile.MaxRating));
                cleaners[i] = cleaner;
                _events.Add(new CleanerRegistered
                {
                    EventId = NextEventId(),
                    OccurredAt = Second(windowStart - TimeSpan.FromDays(Uniform(1, 90))),
                    CleanerId = cleaner.Id,
                    DisplayName = PersonName(),
                    HourlyRate = cleaner.HourlyRate,
                    Latitude = cleaner.Latitude,
                    Longitude = cleaner.Longitude,
                    OffersEcoProducts = cleaner.Eco,
                });
            }
            return cleaners;
        }

        private Client[] RegisterClients(DateTimeOffset windowStart)
        {
            var budgets = Allocate(spec.Clients, ClientBudgetTiers.All, b => b.Share);
            var clients = new Client[spec.Clients];
            long propertyId = 0;
            for (var i = 0; i < clients.Length; i++)
            {
                var client = new Client(i + 1, budgets[i], []);
                clients[i] = client;
                var registeredAt = Second(windowStart - TimeSpan.FromDays(Uniform(3, 90)));
                _events.Add(new ClientRegistered
                {
                    EventId = NextEventId(),
                    OccurredAt = registeredAt,
                    ClientId = client.Id,
                    DisplayName = PersonName(),
                });

                var count = _random.Next(1, 4);
                for (var p = 0; p < count; p++)
                {
                    var kind = PickWeighted(PropertyKinds, k => k.Weight);
                    var (lat, lon) = AroundAthens();
                    var property = new Property(++propertyId, client.Id, kind.Type,
                        Math.Round(Uniform(kind.MinSize, kind.MaxSize)), lat, lon, Chance(PropertyEcoShare));
                    client.Properties.Add(property);
                    _events.Add(new PropertyRegistered
                    {
                        EventId = NextEventId(),
                        OccurredAt = Second(registeredAt + TimeSpan.FromHours(Uniform(0.1, 48))),
                        PropertyId = property.Id,
                        ClientId = client.Id,
                        PropertyType = property.Type,
                        SizeM2 = property.SizeM2,
                        Latitude = property.Latitude,
                        Longitude = property.Longitude,
                        EcoPreference = property.Eco,
                    });
                }
            }
            return clients;
        }

        private List<Job> PostJobs(DateTimeOffset windowStart, Client[] clients, Cleaner[] cleaners)
        {
            // Posting times first, so job ids rise with time as an upstream sequence would.
            var postedAt = new DateTimeOffset[spec.Jobs];
            for (var i = 0; i < postedAt.Length; i++)
                postedAt[i] = Second(windowStart + TimeSpan.FromDays(Uniform(0, DaysOfJobs)));
            Array.Sort(postedAt);

            var jobs = new List<Job>(spec.Jobs);
            for (var i = 0; i < postedAt.Length; i++)
            {
                var client = clients[_random.Next(clients.Length)];
                var property = client.Properties[_random.Next(client.Properties.Count)];
                var hours = EstimateHours(property.SizeM2);
                decimal? budget = Chance(StatedBudgetShare)
                    ? Math.Round((decimal)hours * RoundToHalf(Uniform((double)client.Budget.MinHourlyBudget, (double)client.Budget.MaxHourlyBudget)))
                    : null;
                var job = new Job(i + 1, client, property, postedAt[i], hours, budget, Open: postedAt[i] > _asOf - OpenWindow);
                jobs.Add(job);
                _events.Add(new JobPosted
                {
                    EventId = NextEventId(),
                    OccurredAt = job.PostedAt,
                    JobId = job.Id,
                    ClientId = client.Id,
                    PropertyId = property.Id,
                    EstimatedHours = hours,
                    ClientBudget = budget,
                });
                PlaceBids(job, cleaners);
                if (!job.Open)
                    job.Winner = SelectWinner(job);
            }
            return jobs;
        }

        private void PlaceBids(Job job, Cleaner[] cleaners)
        {
            var candidates = Nearest(job.Property, cleaners);
            var count = Math.Min(_random.Next(MinBids, MaxBids + 1), candidates.Length);
            var pool = (int[])candidates.Clone();
            var sizeFactor = SizeFactor(job.Property.SizeM2);
            for (var b = 0; b < count; b++)
            {
                // Partial Fisher-Yates: distinct cleaners, each nearby one equally likely.
                var pick = b + _random.Next(pool.Length - b);
                (pool[b], pool[pick]) = (pool[pick], pool[b]);
                var cleaner = cleaners[pool[b]];
                var delay = cleaner.Profile.SampleBidDelayHours(_random, MinBidDelayHours, MaxBidDelayHours);
                var amount = Math.Round(
                    cleaner.HourlyRate * (decimal)(job.Hours * sizeFactor * Uniform(0.90, 1.15)), 2, MidpointRounding.AwayFromZero);
                var bid = new Bid(++_bidIds, cleaner, amount, Second(job.PostedAt + TimeSpan.FromHours(delay)), delay);
                job.Bids.Add(bid);
                _events.Add(new BidPlaced
                {
                    EventId = NextEventId(),
                    OccurredAt = bid.At,
                    BidId = bid.BidId,
                    JobId = job.Id,
                    CleanerId = cleaner.Id,
                    Amount = amount,
                });
            }
        }

        /// <summary>
        /// The client's pick: price (cheapest bid / this bid: the cheapest scores 1, twice its price 0.5) and
        /// reputation (0-1 over the 5-10 band) weighted by budget tier, an early-bird bonus, small nudges for
        /// going over the stated budget or matching an eco preference, and a random factor.
        /// </summary>
        private Bid? SelectWinner(Job job)
        {
            if (job.Bids.Count == 0)
                return null;
            var cheapest = job.Bids.Min(b => b.Amount);
            Bid? best = null;
            var bestScore = double.MinValue;
            foreach (var bid in job.Bids)
            {
                var price = bid.Amount > 0 ? (double)(cheapest / bid.Amount) : 1.0;
                var quality = Math.Clamp((bid.Cleaner.Reputation - 5) / 5, 0, 1);
                var utility = job.Client.Budget.PriceWeight * price + job.Client.Budget.QualityWeight * quality
                    + (bid.DelayHours <= EarlyBirdHours ? 0.15 : 0)
                    + (job.Budget is { } budget && bid.Amount > budget ? -0.15 : 0)
                    + (job.Property.Eco && bid.Cleaner.Eco ? 0.05 : 0);
                _utilities[bid.BidId] = utility;
                var score = utility + Uniform(0, SelectionNoise);
                if (score > bestScore)
                    (best, bestScore) = (bid, score);
            }
            return best;
        }

        /// <summary>
        /// Per-tier cancellation probabilities: the tiers' relative weights scaled so that, over the cleaners
        /// actually chosen, 10% of accepted jobs are cancelled (budget cleaners cancel most, premium least).
        /// </summary>
        private static double[] CancelRates(List<Job> jobs)
        {
            var winners = jobs.Where(j => j.Winner is not null).Select(j => j.Winner!.Cleaner.Profile).ToList();
            var meanWeight = winners.Count == 0 ? 1 : winners.Average(p => p.CancelWeight);
            return CleanerTiers.All.Select(p => Math.Min(0.9, (1 - CompletionRate) * p.CancelWeight / meanWeight)).ToArray();
        }

        private void RunLifecycle(Job job, Bid winner, double cancelRate)
        {
            var cleaner = winner.Cleaner;
            var lastBid = job.Bids.Max(b => b.At);
            var acceptedAt = Second(lastBid + TimeSpan.FromHours(Uniform(2, 24)));
            _events.Add(new BidAccepted { EventId = NextEventId(), OccurredAt = acceptedAt, JobId = job.Id, BidId = winner.BidId, CleanerId = cleaner.Id });

            var confirmedAt = Second(acceptedAt + TimeSpan.FromHours(Uniform(0.1, 4)));
            // 1-7 days on, on the half hour between 07:00 and 16:30 UTC (09:00-19:30 in Athens).
            var scheduledStart = new DateTimeOffset(confirmedAt.UtcDateTime.Date, TimeSpan.Zero)
                .AddDays(_random.Next(1, 8))
                .AddMinutes(7 * 60 + 30 * _random.Next(0, 20));
            _events.Add(new JobConfirmed { EventId = NextEventId(), OccurredAt = confirmedAt, JobId = job.Id, CleanerId = cleaner.Id, ScheduledStart = scheduledStart });

            var cancelled = Chance(cancelRate);
            if (cancelled && Chance(0.5))
            {
                // Called off before the day: by either side, somewhere between confirmation and start.
                var at = Second(confirmedAt + (scheduledStart - confirmedAt) * Uniform(0.02, 0.98));
                var byCleaner = Chance(cleaner.Profile.Tier == CleanerTier.Budget ? 0.7 : 0.4);
                _events.Add(new JobCancelled
                {
                    EventId = NextEventId(),
                    OccurredAt = at,
                    JobId = job.Id,
                    CleanerId = cleaner.Id,
                    Reason = byCleaner ? "Cancelled by cleaner" : "Cancelled by client",
                });
                return;
            }

            var lateMinutes = Chance(cleaner.Profile.LateChance) ? Uniform(5, 45) : Uniform(0, 5);
            var startedAt = Second(scheduledStart + TimeSpan.FromMinutes(lateMinutes));
            _events.Add(new JobStarted { EventId = NextEventId(), OccurredAt = startedAt, JobId = job.Id, CleanerId = cleaner.Id });

            if (cancelled)
            {
                _events.Add(new JobCancelled
                {
                    EventId = NextEventId(),
                    OccurredAt = Second(startedAt + TimeSpan.FromHours(job.Hours * Uniform(0.2, 0.9))),
                    JobId = job.Id,
                    CleanerId = cleaner.Id,
                    Reason = Chance(0.5) ? "Not finished: cleaner left early" : "Not finished: client stopped the job",
                });
                return;
            }

            var completedAt = Second(startedAt + TimeSpan.FromHours(job.Hours * Uniform(0.8, 1.3)));
            _events.Add(new JobCompleted { EventId = NextEventId(), OccurredAt = completedAt, JobId = job.Id, CleanerId = cleaner.Id });

            if (Chance(cleaner.Profile.PhotoRate))
            {
                _events.Add(new CompletionPhotosSubmitted
                {
                    EventId = NextEventId(),
                    OccurredAt = Second(completedAt + TimeSpan.FromMinutes(Uniform(1, 30))),
                    JobId = job.Id,
                    CleanerId = cleaner.Id,
                    PhotoCount = _random.Next(3, 13),
                });
            }

            if (Chance(ReviewRate))
            {
                var profile = cleaner.Profile;
                var overall = Math.Clamp((int)Math.Round(cleaner.Reputation + Normal(ReviewNoise)), profile.MinRating, profile.MaxRating);
                _events.Add(new ReviewSubmitted
                {
                    EventId = NextEventId(),
                    OccurredAt = Second(completedAt + TimeSpan.FromHours(Uniform(1, 72))),
                    ReviewId = ++_reviewIds,
                    JobId = job.Id,
                    CleanerId = cleaner.Id,
                    ClientId = job.Client.Id,
                    Overall = overall,
                    Quality = SubRating(overall),
                    Communication = SubRating(overall),
                    Professionalism = SubRating(overall),
                    // A late start costs a point of timeliness.
                    Timeliness = lateMinutes > 20 ? Math.Max(1, overall - 1) : SubRating(overall),
                    Comment = Chance(0.5) ? Comment(overall) : null,
                });
            }

            var fee = Math.Round(winner.Amount * PlatformFeeRate, 2, MidpointRounding.AwayFromZero);
            _events.Add(new PaymentRecorded
            {
                EventId = NextEventId(),
                OccurredAt = Second(completedAt + TimeSpan.FromHours(Uniform(0.05, 2))),
                PaymentId = ++_paymentIds,
                JobId = job.Id,
                CleanerId = cleaner.Id,
                Amount = winner.Amount,
                PlatformFee = fee,
            });
        }

        /// <summary>The cleaners nearest the property (at most <see cref="NearestCandidates"/>), nearest first; cached.</summary>
        private static int[] Nearest(Property property, Cleaner[] cleaners)
        {
            if (property.Nearest is { } cached)
                return cached;
            // Equirectangular: plenty at city scale, and only the order matters.
            var cosLat = Math.Cos(property.Latitude * Math.PI / 180);
            var distances = new double[cleaners.Length];
            var order = new int[cleaners.Length];
            for (var i = 0; i < cleaners.Length; i++)
            {
                var dLat = cleaners[i].Latitude - property.Latitude;
                var dLon = (cleaners[i].Longitude - property.Longitude) * cosLat;
                distances[i] = dLat * dLat + dLon * dLon;
                order[i] = i;
            }
            // Ties (same spot) by id, so the order never depends on the sort's internals.
            Array.Sort(order, (a, b) => distances[a] != distances[b] ? distances[a].CompareTo(distances[b]) : a.CompareTo(b));
            return property.Nearest = order[..Math.Min(NearestCandidates, order.Length)];
        }

        private int SubRating(int overall) => Math.Clamp(overall + _random.Next(-1, 2), 1, 10);

        private string Comment(int overall)
        {
            var band = CommentsByBand[overall switch { <= 5 => 0, <= 7 => 1, <= 8 => 2, _ => 3 }];
            return band[_random.Next(band.Length)];
        }

        private string PersonName() => $"{FirstNames[_random.Next(FirstNames.Length)]} {Surnames[_random.Next(Surnames.Length)]}";

        private (double Latitude, double Longitude) AroundAthens() =>
            (Math.Round(CentreLatitude + Uniform(-SpreadDegrees, SpreadDegrees), 6),
             Math.Round(CentreLongitude + Uniform(-SpreadDegrees, SpreadDegrees), 6));

        /// <summary>Exactly round(share x count) of each kind (largest remainders), in shuffled order.</summary>
        private T[] Allocate<T>(int count, IReadOnlyList<T> kinds, Func<T, double> share)
        {
            var exact = kinds.Select(k => share(k) * count).ToArray();
            var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
            var left = count - counts.Sum();
            foreach (var i in Enumerable.Range(0, kinds.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left))
                counts[i]++;
            var result = new T[count];
            var n = 0;
            for (var k = 0; k < kinds.Count; k++)
            {
                for (var c = 0; c < counts[k]; c++)
                    result[n++] = kinds[k];
            }
            for (var i = result.Length - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (result[i], result[j]) = (result[j], result[i]);
            }
            return result;
        }

        private T PickWeighted<T>(IReadOnlyList<T> choices, Func<T, double> weight)
        {
            var roll = _random.NextDouble() * choices.Sum(weight);
            foreach (var choice in choices)
            {
                if ((roll -= weight(choice)) < 0)
                    return choice;
            }
            return choices[^1];
        }

        /// <summary>A random (version 4 shaped) Guid from its own stream, so ids never shift the market's draws.</summary>
        private Guid NextEventId()
        {
            Span<byte> bytes = stackalloc byte[16];
            _ids.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        private double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();

        private bool Chance(double probability) => _random.NextDouble() < probability;

        /// <summary>N(0, sigma) by Box-Muller; 1 - NextDouble() keeps the log argument in (0, 1].</summary>
        private double Normal(double sigma)
        {
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            return sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        private static decimal RoundToHalf(double value) => Math.Round((decimal)value * 2, MidpointRounding.AwayFromZero) / 2;

        /// <summary>Whole seconds: what upstream timestamps look like, and what survives every store unchanged.</summary>
        private static DateTimeOffset Second(DateTimeOffset at) =>
            new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
