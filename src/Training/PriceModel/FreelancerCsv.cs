using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// Reads a CSV of the seed's freelancer schema (<c>job_title, job_description, tags, min_price, max_price,
/// avg_price, currency, rate_type</c>, optionally <c>projectId, job_scope, skill_level, work_environment</c>;
/// other columns are ignored) with an RFC 4180 parser, keeps the fixed-price rows, converts their prices to PHP,
/// and counts every row it skips or repairs in a <see cref="FreelancerCsvReport"/>.
/// </summary>
public static class FreelancerCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["job_title", "min_price", "max_price", "currency", "rate_type"];

    public sealed record Result(IReadOnlyList<FreelancerJob> Jobs, FreelancerCsvReport Report);

    public static Result ReadFile(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }

    /// <exception cref="InvalidDataException">The file is empty or lacks a required column.</exception>
    public static Result Read(TextReader reader, string source)
    {
        var badData = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A stray quote marks the row malformed instead of aborting the whole file.
            BadDataFound = _ => badData = true,
        };
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read() || parser.Record is not { } header)
            throw new InvalidDataException($"{source} is empty: no header row.");
        var columns = Columns(header, source);

        var jobs = new List<FreelancerJob>();
        var skipped = new Dictionary<CsvSkipReason, int>();
        var repaired = new Dictionary<CsvRepair, int>();
        var rowIndex = 0;
        for (; parser.Read(); rowIndex++)
        {
            var record = parser.Record ?? [];
            var repairs = new List<CsvRepair>();
            FreelancerJob? job = null;
            var reason = badData || record.Length != header.Length
                ? CsvSkipReason.Malformed
                : TryClean(new Row(record, columns), rowIndex, repairs, out job);
            badData = false;
            if (reason is { } r)
            {
                Increment(skipped, r);
                continue;
            }
            foreach (var repair in repairs)
                Increment(repaired, repair);
            jobs.Add(job!);
        }

        var report = new FreelancerCsvReport
        {
            Source = source, Rows = rowIndex, Kept = jobs.Count, Skipped = skipped, Repaired = repaired,
        };
        return new Result(jobs, report);
    }

    private static CsvSkipReason? TryClean(Row row, int index, List<CsvRepair> repairs, out FreelancerJob? job)
    {
        job = null;
        var title = row["job_title"].Trim();
        if (title.Length == 0)
            return CsvSkipReason.EmptyTitle;
        if (!string.Equals(row["rate_type"].Trim(), "fixed", StringComparison.OrdinalIgnoreCase))
            return CsvSkipReason.NotFixedPrice;
        var currency = row["currency"].Trim().ToUpperInvariant();
        if (CurrencyTable.RateToPhp(currency) is not { } rate)
            return CsvSkipReason.UnknownCurrency;

        var minCell = row["min_price"];
        var maxCell = row["max_price"];
        var avgCell = row["avg_price"];
        if (string.IsNullOrWhiteSpace(minCell) || string.IsNullOrWhiteSpace(maxCell))
            return CsvSkipReason.MissingPrice;
        if (!TryPrice(minCell, out var min) || !TryPrice(maxCell, out var max))
            return CsvSkipReason.NonNumericPrice;
        var avgMissing = string.IsNullOrWhiteSpace(avgCell);
        var avg = 0.0;
        if (!avgMissing && !TryPrice(avgCell, out avg))
            return CsvSkipReason.NonNumericPrice;
        if (min <= 0 || max <= 0 || (!avgMissing && avg <= 0))
            return CsvSkipReason.NonPositivePrice;
        if (min > max)
        {
            (min, max) = (max, min);
            repairs.Add(CsvRepair.MinMaxSwapped);
        }
        if (avgMissing)
        {
            avg = (min + max) / 2;
            repairs.Add(CsvRepair.AvgFromMidpoint);
        }
        else if (avg < min || avg > max)
            return CsvSkipReason.AvgOutsideRange;

        var tags = TagList.Parse(row["tags"], out var wasListLiteral);
        if (!wasListLiteral && tags.Count > 0)
            repairs.Add(CsvRepair.TagsFromPlainText);
        var skill = Canonical(row["skill_level"], SkillLevel.All);
        if (skill is null)
            repairs.Add(CsvRepair.SkillLevelDefaulted);
        var scope = Canonical(row["job_scope"], JobScope.All);
        var environment = Canonical(row["work_environment"], WorkEnvironment.All);
        if ((scope is null && !string.IsNullOrWhiteSpace(row["job_scope"])) ||
            (environment is null && !string.IsNullOrWhiteSpace(row["work_environment"])))
            repairs.Add(CsvRepair.UnknownScopeOrEnvironmentDropped);

        var projectId = row["projectId"].Trim();
        job = new FreelancerJob
        {
            RowIndex = index,
            ProjectId = projectId.Length == 0 ? null : projectId,
            Title = title,
            Description = row["job_description"].Trim(),
            Tags = tags,
            Currency = currency,
            MinPricePhp = min * rate,
            AvgPricePhp = avg * rate,
            MaxPricePhp = max * rate,
            JobScope = scope,
            SkillLevel = skill ?? SkillLevel.Intermediate,
            WorkEnvironment = environment,
        };
        return null;
    }

    /// <summary>Plain invariant numbers, thousands separators allowed ("1,200"); NaN and infinities are not prices.</summary>
    private static bool TryPrice(string cell, out double value) =>
        double.TryParse(cell.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>The canonical spelling of a known value (case, spaces and hyphens ignored), else null.</summary>
    private static string? Canonical(string cell, IReadOnlyList<string> allowed)
    {
        var key = cell.Trim().Replace(' ', '_').Replace('-', '_');
        return key.Length == 0 ? null : allowed.FirstOrDefault(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, int> Columns(string[] header, string source)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
            columns.TryAdd(header[i].Trim(), i);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{source} lacks the column(s) {string.Join(", ", missing)} of the freelancer schema.");
        return columns;
    }

    private static void Increment<T>(Dictionary<T, int> counts, T key) where T : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>A record read by column name; an optional column the file lacks reads as empty.</summary>
    private readonly record struct Row(string[] Fields, Dictionary<string, int> Columns)
    {
        public string this[string column] => Columns.TryGetValue(column, out var i) ? Fields[i] : "";
    }
}
