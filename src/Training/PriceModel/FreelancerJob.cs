namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// One cleaned fixed-price row of a freelancer-schema CSV, prices converted to PHP and ordered
/// (<c>min &lt;= avg &lt;= max</c>). <see cref="RowIndex"/> is its 0-based data-row position in the file (header
/// excluded, blank lines not counted, kept rows and skipped rows alike), the index a split file names.
/// </summary>
public sealed record FreelancerJob
{
    public required int RowIndex { get; init; }
    public string? ProjectId { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The currency the row was priced in (upper case); the prices below are already PHP.</summary>
    public required string Currency { get; init; }
    public required double MinPricePhp { get; init; }
    public required double AvgPricePhp { get; init; }
    public required double MaxPricePhp { get; init; }
    /// <summary>Canonical <c>JobScope</c> spelling, or null when the cell was empty or unknown.</summary>
    public string? JobScope { get; init; }
    /// <summary>Canonical <c>SkillLevel</c> spelling; INTERMEDIATE (the request default) when missing or unknown.</summary>
    public required string SkillLevel { get; init; }
    public string? WorkEnvironment { get; init; }
}
