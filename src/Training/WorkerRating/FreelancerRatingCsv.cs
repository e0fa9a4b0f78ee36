using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>
/// Reads global_freelancers_raw.csv (<c>freelancer_ID, gender, age, country, primary_skill, years_of_experience,
/// hourly_rate (USD), rating, is_active, client_satisfaction</c>; other columns ignored) into rating rows: cleans the
/// messy spellings, drops rows without a usable outcome, and counts every drop and repair.
///
/// The file is one snapshot per freelancer, so the only target is the seed's composite
/// (rating/5 x 0.5 + satisfaction/100 x 0.5) x 100, and the served inputs are the profile alone: rating and
/// satisfaction are the target's components. The seed's inputs (with them) are kept on the row as the labelled leak.
/// </summary>
public static class FreelancerRatingCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["freelancer_ID", "rating", "client_satisfaction"];

    public sealed record Parts(IReadOnlyList<WorkerRatingRow> Train, IReadOnlyList<WorkerRatingRow> Validation, IReadOnlyList<WorkerRatingRow> Test);

    public sealed record Result(Parts Rows, FreelancerRatingCsvReport Report, string Split);

    public static Result ReadFile(string csvPath, string? splitPath, int seed)
    {
        using var reader = new StreamReader(csvPath, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(csvPath), splitPath is null ? null : RatingSplit.ReadFile(splitPath), seed,
            splitPath is null ? $"seeded 70/15/15 (seed {seed})" : Path.GetFileName(splitPath));
    }

    /// <param name="split">Which positions train, select and report; null draws a seeded 70/15/15 of the usable rows.</param>
    /// <exception cref="InvalidDataException">The file is empty, lacks a required column, or the split belongs to another file.</exception>
    public static Result Read(TextReader reader, string source, RatingSplit? split, int seed = 42, string? splitName = null)
    {
        var badData = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = _ => badData = true };
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read() || parser.Record is not { } header)
            throw new InvalidDataException($"{source} is empty: no header row.");
        var columns = header.Select((name, i) => (name: name.Trim(), i)).ToDictionary(x => x.name, x => x.i, StringComparer.OrdinalIgnoreCase);
        foreach (var required in RequiredColumns)
            if (!columns.ContainsKey(required))
                throw new InvalidDataException($"{source} has no '{required}' column.");

        var skipped = new Dictionary<RatingCsvSkipReason, int>();
        var repaired = new Dictionary<RatingCsvRepair, int>();
        var usable = new List<(int Position, WorkerRatingRow Row)>();
        var rows = 0;
        for (; parser.Read(); rows++)
        {
            var record = parser.Record ?? [];
            var repairs = new List<RatingCsvRepair>();
            WorkerRatingRow? row = null;
            var reason = badData || record.Length != header.Length
                ? RatingCsvSkipReason.Malformed
                : TryClean(name => columns.TryGetValue(name, out var i) ? record[i] : "", repairs, out row);
            badData = false;
            if (reason is { } r)
            {
                skipped[r] = skipped.GetValueOrDefault(r) + 1;
                continue;
            }
            foreach (var repair in repairs)
                repaired[repair] = repaired.GetValueOrDefault(repair) + 1;
            usable.Add((rows, row!));
        }

        split ??= RatingSplit.Random(usable.Select(u => u.Position), seed);
        var parts = new[] { new List<WorkerRatingRow>(), new List<WorkerRatingRow>(), new List<WorkerRatingRow>() };
        foreach (var (position, row) in usable)
        {
            if (split.PartitionOf(position, row.Key) is { } p)
                parts[p].Add(row);
            else
                skipped[RatingCsvSkipReason.NotInSplit] = skipped.GetValueOrDefault(RatingCsvSkipReason.NotInSplit) + 1;
        }
        var report = new FreelancerRatingCsvReport
        {
            Source = source, Rows = rows, Kept = parts.Sum(p => p.Count), Skipped = skipped, Repaired = repaired,
        };
        return new Result(new Parts(parts[0], parts[1], parts[2]), report, splitName ?? "given split");
    }

    private static RatingCsvSkipReason? TryClean(Func<string, string> field, List<RatingCsvRepair> repairs, out WorkerRatingRow? row)
    {
        row = null;
        var ratingText = field("rating").Trim();
        if (ratingText.Length == 0) return RatingCsvSkipReason.MissingRating;
        if (FreelancerFields.Number(ratingText) is not { } rating || rating is < 0 or > 5) return RatingCsvSkipReason.InvalidRating;
        if (rating == 0) return RatingCsvSkipReason.ZeroRating;
        var satisfactionText = field("client_satisfaction").Trim();
        if (satisfactionText.Length == 0) return RatingCsvSkipReason.MissingSatisfaction;
        if (FreelancerFields.Percent(satisfactionText) is not { } satisfaction || satisfaction is < 0 or > 100) return RatingCsvSkipReason.InvalidSatisfaction;

        // Cleaned for the report even where the request has no such field: age and gender are not model inputs.
        if (FreelancerFields.Gender(field("gender")) is null) repairs.Add(RatingCsvRepair.GenderUnknown);
        if (FreelancerFields.Number(field("age")) is null) repairs.Add(RatingCsvRepair.AgeUnknown);
        var experience = FreelancerFields.Number(field("years_of_experience"));
        if (experience is null or < 0) repairs.Add(RatingCsvRepair.ExperienceDefaulted);
        var rate = FreelancerFields.HourlyRate(field("hourly_rate (USD)"));
        if (rate is null) repairs.Add(RatingCsvRepair.HourlyRateUnset);
        var active = FreelancerFields.Active(field("is_active"));
        if (active is null) repairs.Add(RatingCsvRepair.ActivityUnknown);

        var country = field("country").Trim();
        var skill = field("primary_skill").Trim();
        var inputs = new PredictWorkerRating
        {
            YearsExperience = experience is > 0 ? Math.Min(experience.Value, 80) : 0,
            HourlyRate = rate,
            IsActive = active,
            Country = country.Length > 0 ? country : null,
            PrimarySkill = skill.Length > 0 ? skill : null,
        };
        var target = WorkerRatingTarget.Composite(rating, satisfaction);
        row = new WorkerRatingRow(field("freelancer_ID").Trim(), inputs, inputs with { AverageRating = rating, ClientSatisfaction = satisfaction }, target);
        return null;
    }
}
