namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>
/// A user as the generator imagines them, including what their profile does not say: every skill they have (the
/// profile lists most of them), their city (even when the profile leaves it out), how much they like remote work, their
/// seniority (<c>ExperienceLevels.Rank</c>), the salary they want, the job type they prefer, their taste in companies
/// (a point in <see cref="JobBoardTruth.TasteDimensions"/> dimensions) and how keen they are to apply at all.
/// </summary>
public sealed record LatentUser(
    long UserId,
    int Domain,
    IReadOnlySet<string> Skills,
    string City,
    double RemotePreference,
    int Seniority,
    decimal DesiredSalary,
    string PreferredJobType,
    IReadOnlyList<double> CompanyTaste,
    double Bias);

/// <summary>
/// A job as the generator imagines it: its required skills and the nice-to-have ones only its description mentions, its
/// location (a city or "remote"), seniority, the salary range it really pays (stated or not), its company (an index
/// into <see cref="JobBoardTruth.Companies"/>), its type and its quality (how attractive it is beyond the features).
/// </summary>
public sealed record LatentJob(
    long JobId,
    int Domain,
    IReadOnlyList<string> RequiredSkills,
    IReadOnlyList<string> NiceToHaveSkills,
    string Location,
    int Seniority,
    decimal SalaryMin,
    decimal SalaryMax,
    int Company,
    string JobType,
    double Quality);

/// <summary>A company: its name, its position in taste space (users' affinity is the scaled dot product with theirs) and its home city.</summary>
public sealed record LatentCompany(string Name, IReadOnlyList<double> Position, string City);

/// <summary>
/// The known function behind every application on the synthetic board: when user u is shown job j,
/// <code>
/// p(apply) = sigmoid(b0 + a·skill_overlap + b·location_match + c·seniority_fit + d·company_affinity
///                    + e·salary_fit + f·job_type_match + user_bias + job_quality)
/// </code>
/// with the constants below and the features defined by the static methods of this class. Everything else in the
/// generated interactions (which jobs are shown, saves, dismissals, timing) is independent of it given the features,
/// so ranking held-out shown jobs by <see cref="ApplyProbability"/> is the best any model can do: its AUC is the
/// ceiling a trained model is measured against.
/// </summary>
public sealed class JobBoardTruth
{
    /// <summary>b0: the log-odds of applying when every feature is 0.</summary>
    public const double Intercept = -4.4;
    /// <summary>a: weight of <see cref="SkillOverlap"/> (0..1).</summary>
    public const double SkillOverlapWeight = 4.5;
    /// <summary>b: weight of <see cref="LocationMatch"/> (0..1).</summary>
    public const double LocationWeight = 1.2;
    /// <summary>c: weight of <see cref="SeniorityFit"/> (-1..1).</summary>
    public const double SeniorityWeight = 1.2;
    /// <summary>d: weight of <see cref="CompanyAffinity"/> (about standard normal).</summary>
    public const double CompanyAffinityWeight = 0.6;
    /// <summary>e: weight of <see cref="SalaryFit"/> (-1..0.5).</summary>
    public const double SalaryWeight = 1.0;
    /// <summary>f: added when the job's type is the one the user prefers.</summary>
    public const double JobTypeWeight = 0.5;
    /// <summary>Standard deviation of user_bias, N(0, this) per user.</summary>
    public const double UserBiasSpread = 0.6;
    /// <summary>Standard deviation of job_quality: N(0, this) per job plus the company's share <see cref="CompanyQualitySpread"/>.</summary>
    public const double JobQualitySpread = 0.45;
    public const double CompanyQualitySpread = 0.3;
    /// <summary>Dimensions of company taste: users and companies are points; affinity is their dot product over √dimensions.</summary>
    public const int TasteDimensions = 4;
    /// <summary>A nice-to-have skill counts this much in <see cref="SkillOverlap"/> against 1 for a required one.</summary>
    public const double NiceToHaveWeight = 0.5;

    private readonly Dictionary<long, LatentUser> _users;
    private readonly Dictionary<long, LatentJob> _jobs;

    public JobBoardTruth(IReadOnlyList<LatentUser> users, IReadOnlyList<LatentJob> jobs, IReadOnlyList<LatentCompany> companies)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(companies);
        _users = users.ToDictionary(u => u.UserId);
        _jobs = jobs.ToDictionary(j => j.JobId);
        Users = users;
        Jobs = jobs;
        Companies = companies;
    }

    public IReadOnlyList<LatentUser> Users { get; }
    public IReadOnlyList<LatentJob> Jobs { get; }
    public IReadOnlyList<LatentCompany> Companies { get; }

    public LatentUser User(long userId) =>
        _users.TryGetValue(userId, out var user) ? user : throw new ArgumentOutOfRangeException(nameof(userId), userId, "No such user on the board.");

    public LatentJob Job(long jobId) =>
        _jobs.TryGetValue(jobId, out var job) ? job : throw new ArgumentOutOfRangeException(nameof(jobId), jobId, "No such job on the board.");

    /// <summary>The probability that the user applies to the job when shown it.</summary>
    public double ApplyProbability(long userId, long jobId) => Sigmoid(Logit(userId, jobId));

    /// <summary>The log-odds of <see cref="ApplyProbability"/>.</summary>
    public double Logit(long userId, long jobId)
    {
        var user = User(userId);
        var job = Job(jobId);
        return Intercept
            + SkillOverlapWeight * SkillOverlap(user, job)
            + LocationWeight * LocationMatch(user, job)
            + SeniorityWeight * SeniorityFit(user.Seniority, job.Seniority)
            + CompanyAffinityWeight * CompanyAffinity(user.CompanyTaste, Companies[job.Company].Position)
            + SalaryWeight * SalaryFit(user.DesiredSalary, job.SalaryMax)
            + (user.PreferredJobType == job.JobType ? JobTypeWeight : 0)
            + user.Bias
            + job.Quality;
    }

    /// <summary>The weighted share of the job's skills the user has: required ones count 1, nice-to-have ones <see cref="NiceToHaveWeight"/>; 0..1.</summary>
    public static double SkillOverlap(LatentUser user, LatentJob job)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(job);
        var total = job.RequiredSkills.Count + NiceToHaveWeight * job.NiceToHaveSkills.Count;
        if (total == 0)
            return 0;
        var had = job.RequiredSkills.Count(user.Skills.Contains) + NiceToHaveWeight * job.NiceToHaveSkills.Count(user.Skills.Contains);
        return had / total;
    }

    /// <summary>1 in the user's own city, their remote preference (0..1) for a remote job, 0 elsewhere (nobody relocates gladly).</summary>
    public static double LocationMatch(LatentUser user, LatentJob job)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(job);
        if (job.Location == JobBoardVocabulary.Remote)
            return user.RemotePreference;
        return job.Location == user.City ? 1 : 0;
    }

    /// <summary>
    /// 1 − 0.6·|Δ| − 0.2·[Δ &lt; 0], Δ = job's seniority rank − the user's: 1 at their level, 0.4 one step up (a stretch),
    /// 0.2 one step down (a step back), negative further away.
    /// </summary>
    public static double SeniorityFit(int userSeniority, int jobSeniority)
    {
        var delta = jobSeniority - userSeniority;
        return 1 - 0.6 * Math.Abs(delta) - (delta < 0 ? 0.2 : 0);
    }

    /// <summary>Dot product of the user's and the company's taste points over √dimensions: about standard normal.</summary>
    public static double CompanyAffinity(IReadOnlyList<double> userTaste, IReadOnlyList<double> companyPosition)
    {
        ArgumentNullException.ThrowIfNull(userTaste);
        ArgumentNullException.ThrowIfNull(companyPosition);
        var dot = 0.0;
        for (var i = 0; i < userTaste.Count; i++)
            dot += userTaste[i] * companyPosition[i];
        return dot / Math.Sqrt(userTaste.Count);
    }

    /// <summary>2·clamp((offered max − desired) / desired, −0.5, 0.25): −1 at half the wish or less, 0.5 at 25% above it or more.</summary>
    public static double SalaryFit(decimal desired, decimal offeredMax)
    {
        if (desired <= 0)
            return 0;
        var relative = (double)((offeredMax - desired) / desired);
        return 2 * Math.Clamp(relative, -0.5, 0.25);
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
