namespace iAyos.Messaging.Predictions.JobBoard;

/// <summary>
/// Rows for the job-recommender graph, encoded with a version's <see cref="JobRecommenderSpec"/>: the same code builds
/// training rows and serving requests. Arrays are row-major, one entry per row (skills: <see cref="JobRecommenderSpec.MaxSkills"/>
/// per row, 0-padded).
/// </summary>
public sealed class JobRecommenderInputs
{
    private JobRecommenderInputs(int rows, int maxSkills)
    {
        Rows = rows;
        MaxSkills = maxSkills;
        Users = new long[rows];
        Jobs = new long[rows];
        Locations = new long[rows];
        Companies = new long[rows];
        Skills = new long[rows * maxSkills];
    }

    public int Rows { get; }
    public int MaxSkills { get; }
    public long[] Users { get; }
    public long[] Jobs { get; }
    public long[] Locations { get; }
    public long[] Companies { get; }
    public long[] Skills { get; }

    /// <summary>One row per (user, job) pair.</summary>
    public static JobRecommenderInputs Encode(JobRecommenderSpec spec, IReadOnlyList<(EncodedUser User, EncodedJob Job)> pairs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pairs);
        var inputs = new JobRecommenderInputs(pairs.Count, spec.MaxSkills);
        for (var r = 0; r < pairs.Count; r++) inputs.Set(spec, r, pairs[r].User, pairs[r].Job);
        return inputs;
    }

    /// <summary>One user against many jobs (serving: every candidate in one run).</summary>
    public static JobRecommenderInputs ForUser(JobRecommenderSpec spec, EncodedUser user, IReadOnlyList<EncodedJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(jobs);
        var inputs = new JobRecommenderInputs(jobs.Count, spec.MaxSkills);
        for (var r = 0; r < jobs.Count; r++) inputs.Set(spec, r, user, jobs[r]);
        return inputs;
    }

    private void Set(JobRecommenderSpec spec, int row, EncodedUser user, EncodedJob job)
    {
        if (job.SkillIndices.Length != MaxSkills)
            throw new ArgumentException($"Job {job.JobId} was encoded with {job.SkillIndices.Length} skill slots, the spec has {MaxSkills}.", nameof(job));
        Users[row] = user.UserIndex;
        Jobs[row] = job.JobIndex;
        Locations[row] = spec.LocationRowFor(job.LocationIndex, user.LocationIndex);
        Companies[row] = job.CompanyIndex;
        for (var i = 0; i < MaxSkills; i++)
            Skills[row * MaxSkills + i] = spec.SkillRowFor(job.SkillIndices[i], user.SkillIndices);
    }
}

/// <summary>
/// A user's side of a row under one spec: their label-encoded id, and what of their profile marks a job's fields (the
/// vocabulary indices of their skills, the index of their location); an absent profile marks nothing.
/// </summary>
public sealed record EncodedUser(long UserId, long UserIndex, IReadOnlySet<long> SkillIndices, long LocationIndex)
{
    public static EncodedUser From(JobRecommenderSpec spec, long userId, UserFacts? profile)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new EncodedUser(userId, spec.UserIndex(userId), spec.UserSkillIndices(profile?.Skills), spec.LocationIndex(profile?.Location));
    }
}

/// <summary>A job's side of a row: its indices under one spec and the skill bag they came from (what explains a match).</summary>
public sealed record EncodedJob(long JobId, long JobIndex, long LocationIndex, long CompanyIndex, long[] SkillIndices, IReadOnlyList<string> Skills)
{
    /// <summary>Encodes a listing: its label-encoded id, location and company, and its skill bag (listed + TF-IDF extracted).</summary>
    public static EncodedJob From(JobRecommenderSpec spec, JobFacts job)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(job);
        var bag = spec.Extractor.SkillBag(job, spec.MaxSkills, spec.ExtractedSkills);
        var indices = new long[spec.MaxSkills];
        for (var i = 0; i < bag.Count; i++) indices[i] = spec.SkillIndex(bag[i]);
        return new EncodedJob(job.JobId, spec.JobIndex(job.JobId), spec.LocationIndex(job.Location), spec.CompanyIndex(job.Company), indices, bag);
    }
}
