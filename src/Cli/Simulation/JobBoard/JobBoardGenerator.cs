using iAyos.Messaging.Contracts.JobBoard;

namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>
/// A deterministic synthetic job board (seed 002's upstream aggregator). Users and jobs carry latent preferences
/// (<see cref="LatentUser"/>, <see cref="LatentJob"/>); jobs are listed over time, some updated, most closed; users hold
/// sessions in which the board shows them about ten open jobs, chosen by visibility, recency and a coarse relevance
/// (their field, their city) but never by the apply probability, so the data is not trivially separable. Each shown
/// job is viewed, then applied to with <see cref="JobBoardTruth.ApplyProbability"/>, otherwise sometimes saved or
/// dismissed (independently of the features, so only applications carry the planted signal).
/// The same options always give the same events, ids included: all randomness comes from <see cref="Random"/> seeded
/// by the options, never from the clock.
/// </summary>
public static class JobBoardGenerator
{
    /// <summary>Jobs start being listed this many days before the sessions start, so the board is full on day one.</summary>
    public const int ListingLeadDays = 30;
    public const double MinLifetimeDays = 10;
    public const double MaxLifetimeDays = 60;
    public const double UpdatedJobShare = 0.15;
    public const double StatedSalaryShare = 0.80;
    public const double RemoteJobShare = 0.15;
    /// <summary>A job sinks in the board's lists with age: its visibility is multiplied by exp(−age / this many days).</summary>
    public const double RecencyDays = 10;
    /// <summary>The board shows jobs of the user's own field this many times more often (their searches).</summary>
    public const double FieldBoost = 4;
    /// <summary>... and jobs in their city or remote this many times more often.</summary>
    public const double LocalBoost = 2;
    /// <summary>A shown job not applied to is saved with this probability, else dismissed with <see cref="DismissRate"/>.</summary>
    public const double SaveRate = 0.10;
    public const double DismissRate = 0.25;
    /// <summary>The share of a user's skills their profile lists (each independently; at least one).</summary>
    public const double ListedSkillShare = 0.75;

    /// <summary>A session's views and applications all happen within this long of its start.</summary>
    private static readonly TimeSpan SessionLength = TimeSpan.FromHours(1);

    private const double ProfileUpdateShare = 0.10;
    private const double LateJoinerShare = 0.20;
    private const double StatedLocationShare = 0.85;
    private const double StatedLevelShare = 0.95;
    private const double StatedDesiredSalaryShare = 0.75;
    private const int EventIdSalt = 0x10B_B0A2D;

    private static readonly double[] DomainWeights = [0.22, 0.14, 0.14, 0.10, 0.08, 0.05, 0.06, 0.07, 0.05, 0.09];
    private static readonly double[] DomainPay = [1.0, 0.95, 1.1, 1.05, 1.0, 0.95, 1.05, 0.85, 0.95, 1.0];
    private static readonly double[] UserLevelWeights = [0.25, 0.35, 0.28, 0.12];
    private static readonly double[] JobLevelWeights = [0.20, 0.35, 0.32, 0.13];
    private static readonly decimal[] LevelPay = [55_000m, 85_000m, 120_000m, 150_000m];
    private static readonly string[] LevelTitlePrefix = ["Junior ", "", "Senior ", "Lead "];
    private static readonly (string Type, double Weight)[] JobTypeWeights =
        [(JobTypes.FullTime, 0.75), (JobTypes.Contract, 0.12), (JobTypes.PartTime, 0.08), (JobTypes.Internship, 0.05)];

    public static GeneratedJobBoard Generate(JobBoardGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Users, 1, nameof(options.Users));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Jobs, 1, nameof(options.Jobs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1, nameof(options.Days));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShownPerSession, 1, nameof(options.ShownPerSession));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SessionsPerUser, nameof(options.SessionsPerUser));
        return new Board(options).Run();
    }

    /// <summary>
    /// The jobs in listing order with, for each day of sessions, the positions of those open at some time that day: a
    /// session looks only at its day's jobs (in listing order, so its draws are the same as over the whole board).
    /// </summary>
    private sealed class OpenJobs
    {
        private readonly DateTimeOffset _first;
        private readonly int[][] _byDay;

        public OpenJobs(IEnumerable<JobPlan> jobs, DateTimeOffset first)
        {
            _first = first;
            Jobs = jobs.OrderBy(j => j.ListedAt).ThenBy(j => j.Latent.JobId).ToArray();
            ListedTicks = Jobs.Select(j => j.ListedAt.UtcTicks).ToArray();
            ClosedTicks = Jobs.Select(j => j.ClosedAt?.UtcTicks ?? long.MaxValue).ToArray();
            var days = Jobs.Length == 0 ? 0 : Math.Max(0, Day(Jobs.Max(j => j.ClosedAt ?? j.ListedAt)) + 2);
            var byDay = Enumerable.Range(0, days).Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < Jobs.Length; i++)
            {
                var last = Jobs[i].ClosedAt is { } closed ? Day(closed) : days - 1;
                for (var day = Math.Max(0, Day(Jobs[i].ListedAt)); day <= last && day < days; day++)
                    byDay[day].Add(i);
            }
            _byDay = byDay.Select(d => d.ToArray()).ToArray();
        }

        public JobPlan[] Jobs { get; }
        public long[] ListedTicks { get; }
        public long[] ClosedTicks { get; }

        /// <summary>Positions (listing order) of the jobs open at some time on the day of <paramref name="at"/>.</summary>
        public int[] OpenOn(DateTimeOffset at) => _byDay[Day(at)];

        private int Day(DateTimeOffset at) => (int)Math.Floor((at - _first).TotalDays);
    }

    private sealed record UserPlan(LatentUser Latent, DateTimeOffset JoinedAt, bool HasProfile, bool ColdStart);

    private sealed record JobPlan(LatentJob Latent, DateTimeOffset ListedAt, DateTimeOffset? ClosedAt, double Visibility);

    private sealed class Board(JobBoardGeneratorOptions options)
    {
        private readonly Random _random = new(options.Seed);
        private readonly Random _ids = new(options.Seed ^ EventIdSalt);
        private readonly DateTimeOffset _asOf = Second(options.AsOf.ToUniversalTime());
        private readonly List<IJobBoardEvent> _events = new(options.Users * 60 + options.Jobs * 3);

        private DateTimeOffset SessionsStart => _asOf - TimeSpan.FromDays(options.Days);

        public GeneratedJobBoard Run()
        {
            var companies = Companies();
            var companyWeights = companies.Select(_ => Math.Exp(Normal(0, 1))).ToArray();
            var companyReputation = companies.Select(_ => Normal(0, JobBoardTruth.CompanyQualitySpread)).ToArray();
            var users = Enumerable.Range(1, options.Users).Select(i => PlanUser(i)).ToList();
            var jobs = Enumerable.Range(1, options.Jobs).Select(i => PlanJob(i, companies, companyWeights, companyReputation)).ToList();
            var truth = new JobBoardTruth(users.Select(u => u.Latent).ToList(), jobs.Select(j => j.Latent).ToList(), companies);

            foreach (var user in users.Where(u => u.HasProfile))
                PublishProfiles(user);
            foreach (var job in jobs)
                PublishListing(job, companies);
            var board = new OpenJobs(jobs, SessionsStart);
            foreach (var user in users.Where(u => !u.ColdStart))
                RunSessions(user, board, truth);

            // Upstream order: by time, ties in generation order (OrderBy is stable).
            var events = _events.OrderBy(e => e.OccurredAt).ToList();
            return new GeneratedJobBoard(events, JobBoardFold.Fold(events), truth);
        }

        private List<LatentCompany> Companies()
        {
            var companies = new List<LatentCompany>();
            foreach (var prefix in JobBoardVocabulary.CompanyPrefixes)
                foreach (var suffix in JobBoardVocabulary.CompanySuffixes)
                    companies.Add(new LatentCompany($"{prefix} {suffix}", Taste(), City()));
            return companies;
        }

        private UserPlan PlanUser(long id)
        {
            var domain = Pick(DomainWeights);
            var skills = new HashSet<string>(StringComparer.Ordinal);
            var own = JobBoardVocabulary.Domains[domain].Skills;
            var count = _random.Next(4, 10);
            while (skills.Count < Math.Min(count, own.Count))
                skills.Add(PopularSkill(own));
            var common = _random.Next(0, 3);
            for (var i = 0; i < common; i++)
                skills.Add(JobBoardVocabulary.CommonSkills[_random.Next(JobBoardVocabulary.CommonSkills.Count)]);
            if (Chance(0.30))
            {
                // A second field they dabble in: one or two of its skills.
                var other = JobBoardVocabulary.Domains[Pick(DomainWeights)].Skills;
                for (var i = _random.Next(1, 3); i > 0; i--)
                    skills.Add(PopularSkill(other));
            }
            var city = City();
            var seniority = Pick(UserLevelWeights);
            var desired = Thousands(LevelPay[seniority] * (decimal)(CityPay(city) * DomainPay[domain] * Math.Max(0.6, Normal(1, 0.12))));
            var jobType = seniority == 0 && Chance(0.15) ? JobTypes.Internship
                : Chance(0.80) ? JobTypes.FullTime : Chance(0.6) ? JobTypes.Contract : JobTypes.PartTime;
            var latent = new LatentUser(id, domain, skills, city, _random.NextDouble(), seniority, desired, jobType, Taste(),
                Normal(0, JobBoardTruth.UserBiasSpread));

            var joinedAt = Chance(LateJoinerShare)
                ? SessionsStart + TimeSpan.FromDays(Uniform(0, options.Days * 0.8))
                : SessionsStart - TimeSpan.FromDays(Uniform(1, 60));
            var kind = _random.NextDouble();
            var hasProfile = kind >= options.NoProfileShare;
            var coldStart = hasProfile && kind < options.NoProfileShare + options.ColdStartShare;
            return new UserPlan(latent, Second(joinedAt), hasProfile, coldStart);
        }

        private JobPlan PlanJob(long id, IReadOnlyList<LatentCompany> companies, double[] companyWeights, double[] companyReputation)
        {
            var company = Pick(companyWeights);
            var domain = Pick(DomainWeights);
            var jobType = JobTypeWeights[Pick(JobTypeWeights.Select(t => t.Weight).ToArray())].Type;
            var seniority = jobType == JobTypes.Internship ? 0 : Pick(JobLevelWeights);
            var location = Chance(RemoteJobShare) ? JobBoardVocabulary.Remote : Chance(0.7) ? companies[company].City : City();

            var own = JobBoardVocabulary.Domains[domain].Skills;
            var required = new List<string>();
            var requiredCount = _random.Next(3, 7);
            while (required.Count < requiredCount)
            {
                var skill = Chance(0.08) ? JobBoardVocabulary.CommonSkills[_random.Next(JobBoardVocabulary.CommonSkills.Count)] : PopularSkill(own);
                if (!required.Contains(skill)) required.Add(skill);
            }
            var niceToHave = new List<string>();
            var niceCount = _random.Next(1, 4);
            while (niceToHave.Count < niceCount)
            {
                var skill = PopularSkill(own);
                if (!required.Contains(skill) && !niceToHave.Contains(skill)) niceToHave.Add(skill);
            }

            var pay = LevelPay[seniority] * (decimal)((location == JobBoardVocabulary.Remote ? 1.0 : CityPay(location)) * DomainPay[domain] * Math.Max(0.6, Normal(1, 0.10)));
            if (jobType == JobTypes.PartTime) pay *= 0.55m;
            if (jobType == JobTypes.Internship) pay *= 0.6m;
            var salaryMin = Thousands(pay * (decimal)Uniform(0.85, 0.95));
            var salaryMax = Math.Max(salaryMin, Thousands(pay * (decimal)Uniform(1.05, 1.2)));
            var quality = Normal(0, JobBoardTruth.JobQualitySpread) + companyReputation[company];
            var latent = new LatentJob(id, domain, required, niceToHave, location, seniority, salaryMin, salaryMax, company, jobType, quality);

            var listedAt = Second(SessionsStart + TimeSpan.FromDays(Uniform(-ListingLeadDays, options.Days - 1)));
            var closesAt = Second(listedAt + TimeSpan.FromDays(Uniform(MinLifetimeDays, MaxLifetimeDays)));
            return new JobPlan(latent, listedAt, closesAt < _asOf ? closesAt : null, Math.Exp(Normal(0, 0.5)));
        }

        private void PublishProfiles(UserPlan user)
        {
            var latent = user.Latent;
            var skills = latent.Skills.OrderBy(_ => _random.Next()).ToList();
            var listed = skills.Where(_ => Chance(ListedSkillShare)).ToList();
            if (listed.Count == 0) listed.Add(skills[0]);
            var profile = new UserProfileUpdated
            {
                EventId = NextEventId(),
                OccurredAt = user.JoinedAt,
                UserId = latent.UserId,
                Skills = listed,
                Location = Chance(StatedLocationShare) ? latent.City : null,
                ExperienceLevel = Chance(StatedLevelShare) ? ExperienceLevels.All[latent.Seniority] : null,
                DesiredSalary = Chance(StatedDesiredSalaryShare) ? latent.DesiredSalary : null,
            };
            _events.Add(profile);
            if (Chance(ProfileUpdateShare))
            {
                // Later they fill in more: every skill they have and their salary wish.
                var at = Max(user.JoinedAt, SessionsStart) + TimeSpan.FromDays(Uniform(1, options.Days * 0.5));
                if (at < _asOf)
                    _events.Add(profile with { EventId = NextEventId(), OccurredAt = Second(at), Skills = skills, DesiredSalary = latent.DesiredSalary });
            }
        }

        private void PublishListing(JobPlan job, IReadOnlyList<LatentCompany> companies)
        {
            var latent = job.Latent;
            var stated = Chance(StatedSalaryShare);
            var listing = new JobListed
            {
                EventId = NextEventId(),
                OccurredAt = job.ListedAt,
                JobId = latent.JobId,
                Title = LevelTitlePrefix[latent.Seniority] + Title(latent),
                Description = Description(latent, companies[latent.Company].Name),
                Company = companies[latent.Company].Name,
                Location = latent.Location,
                RequiredSkills = latent.RequiredSkills,
                SalaryMin = stated ? latent.SalaryMin : null,
                SalaryMax = stated ? latent.SalaryMax : null,
                JobType = latent.JobType,
                ExperienceLevel = ExperienceLevels.All[latent.Seniority],
            };
            _events.Add(listing);
            var end = job.ClosedAt ?? _asOf;
            if (Chance(UpdatedJobShare))
            {
                // Reworded, and the salary stated: the truth behind the job is unchanged.
                var at = Second(job.ListedAt + (end - job.ListedAt) * Uniform(0.2, 0.8));
                if (at > job.ListedAt && at < end)
                    _events.Add(new JobUpdated
                    {
                        EventId = NextEventId(), OccurredAt = at, JobId = latent.JobId, Title = listing.Title,
                        Description = Description(latent, listing.Company), Company = listing.Company, Location = listing.Location,
                        RequiredSkills = listing.RequiredSkills, SalaryMin = latent.SalaryMin, SalaryMax = latent.SalaryMax,
                        JobType = listing.JobType, ExperienceLevel = listing.ExperienceLevel,
                    });
            }
            if (job.ClosedAt is { } closedAt)
                _events.Add(new JobClosed { EventId = NextEventId(), OccurredAt = closedAt, JobId = latent.JobId });
        }

        private string Title(LatentJob job)
        {
            var titles = JobBoardVocabulary.Domains[job.Domain].Titles;
            var title = titles[_random.Next(titles.Count)];
            return job.JobType == JobTypes.Internship ? title + " Intern" : title;
        }

        /// <summary>Mentions most required skills and every nice-to-have one (only there), between filler sentences.</summary>
        private string Description(LatentJob job, string company)
        {
            var where = job.Location == JobBoardVocabulary.Remote ? "fully remote" : $"based in {job.Location}";
            var sentences = new List<string> { $"{company} is hiring, {where}." };
            var mentioned = job.RequiredSkills.Where(_ => Chance(0.7)).ToList();
            if (mentioned.Count > 0)
                sentences.Add(_random.Next(3) switch
                {
                    0 => $"You will work every day with {List(mentioned)}.",
                    1 => $"Our stack: {List(mentioned)}.",
                    _ => $"We need solid, hands-on experience with {List(mentioned)}.",
                });
            sentences.Add(Chance(0.5) ? $"Experience with {List(job.NiceToHaveSkills, "or")} is a plus." : $"Bonus points for {List(job.NiceToHaveSkills)}.");
            var filler = JobBoardVocabulary.Filler;
            var first = _random.Next(filler.Count);
            sentences.Add(filler[first]);
            sentences.Add(filler[(first + 1 + _random.Next(filler.Count - 1)) % filler.Count]);
            sentences.Add(JobBoardVocabulary.Perks[_random.Next(JobBoardVocabulary.Perks.Count)]);
            var head = sentences[0];
            return head + " " + string.Join(" ", sentences.Skip(1).OrderBy(_ => _random.Next()));
        }

        private void RunSessions(UserPlan user, OpenJobs board, JobBoardTruth truth)
        {
            var latent = user.Latent;
            var activity = Math.Exp(Normal(-0.18, 0.6));
            var sessions = Math.Max(1, Poisson(options.SessionsPerUser * activity));
            var from = Max(user.JoinedAt, SessionsStart);
            var to = _asOf - SessionLength;
            if (from >= to)
                return;
            var times = Enumerable.Range(0, sessions).Select(_ => Second(from + (to - from) * _random.NextDouble())).Order().ToList();
            var applied = new HashSet<long>();
            var keys = new PriorityQueue<JobPlan, double>();
            foreach (var start in times)
            {
                // Weighted sampling without replacement (Efraimidis-Spirakis): the largest ln(u) / w win; the queue keeps
                // the best `shown` so far, its smallest key on top.
                var shown = Math.Max(1, options.ShownPerSession + _random.Next(-2, 3));
                var startTicks = start.UtcTicks;
                var endTicks = (start + SessionLength).UtcTicks;
                keys.Clear();
                foreach (var i in board.OpenOn(start))
                {
                    if (board.ListedTicks[i] > startTicks || board.ClosedTicks[i] <= endTicks) continue;
                    var job = board.Jobs[i];
                    if (applied.Contains(job.Latent.JobId)) continue;
                    var weight = job.Visibility * Math.Exp(-((double)(startTicks - board.ListedTicks[i]) / TimeSpan.TicksPerDay) / RecencyDays)
                        * (job.Latent.Domain == latent.Domain ? FieldBoost : 1)
                        * (job.Latent.Location == latent.City || job.Latent.Location == JobBoardVocabulary.Remote ? LocalBoost : 1);
                    var key = Math.Log(1 - _random.NextDouble()) / weight;
                    if (keys.Count < shown) keys.Enqueue(job, key);
                    else if (keys.TryPeek(out _, out var smallest) && key > smallest) keys.EnqueueDequeue(job, key);
                }
                var chosen = new List<(JobPlan Job, double Key)>(keys.Count);
                while (keys.TryDequeue(out var job, out var key)) chosen.Add((job, key));
                var at = start;
                foreach (var (job, _) in Enumerable.Reverse(chosen))
                {
                    var jobId = job.Latent.JobId;
                    at += TimeSpan.FromSeconds(_random.Next(15, 60));
                    Interact(latent.UserId, jobId, InteractionKinds.Viewed, at);
                    if (_random.NextDouble() < truth.ApplyProbability(latent.UserId, jobId))
                    {
                        applied.Add(jobId);
                        Interact(latent.UserId, jobId, InteractionKinds.Applied, at + TimeSpan.FromSeconds(_random.Next(30, 600)));
                        continue;
                    }
                    var other = _random.NextDouble();
                    if (other < SaveRate)
                        Interact(latent.UserId, jobId, InteractionKinds.Saved, at + TimeSpan.FromSeconds(_random.Next(5, 60)));
                    else if (other < SaveRate + DismissRate)
                        Interact(latent.UserId, jobId, InteractionKinds.Dismissed, at + TimeSpan.FromSeconds(_random.Next(5, 60)));
                }
            }
        }

        private void Interact(long userId, long jobId, string kind, DateTimeOffset at) =>
            _events.Add(new UserInteracted { EventId = NextEventId(), OccurredAt = at, UserId = userId, JobId = jobId, Interaction = kind });

        /// <summary>A skill of the list, earlier ones more often (the popular skills of a field come first).</summary>
        private string PopularSkill(IReadOnlyList<string> skills)
        {
            // Rank r drawn with weight about 1 / (1 + r / 4): a long tail, never empty.
            var u = _random.NextDouble();
            var index = (int)(Math.Pow(1 + skills.Count / 4.0, u) * 4 - 4);
            return skills[Math.Clamp(index, 0, skills.Count - 1)];
        }

        private string City()
        {
            var cities = JobBoardVocabulary.Cities;
            return cities[Pick(cities.Select(c => c.Weight).ToArray())].City;
        }

        private static double CityPay(string city) =>
            JobBoardVocabulary.Cities.First(c => c.City == city).PayFactor;

        private double[] Taste() => Enumerable.Range(0, JobBoardTruth.TasteDimensions).Select(_ => Normal(0, 1)).ToArray();

        private int Pick(double[] weights)
        {
            var u = _random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                u -= weights[i];
                if (u < 0) return i;
            }
            return weights.Length - 1;
        }

        private int Poisson(double mean)
        {
            // Knuth's method: means here are a few sessions.
            var limit = Math.Exp(-mean);
            var k = 0;
            for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble())
                k++;
            return k;
        }

        private bool Chance(double p) => _random.NextDouble() < p;

        private double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();

        private double Normal(double mean, double sd)
        {
            // Box-Muller from two draws of our own stream.
            var u1 = 1 - _random.NextDouble();
            var u2 = _random.NextDouble();
            return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        private Guid NextEventId()
        {
            Span<byte> bytes = stackalloc byte[16];
            _ids.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        private static decimal Thousands(decimal amount) => Math.Max(1_000m, Math.Round(amount / 1000m, MidpointRounding.AwayFromZero) * 1000m);

        private static string List(IReadOnlyList<string> items, string conjunction = "and") =>
            items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1];

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private static DateTimeOffset Second(DateTimeOffset at) =>
            new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
