namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// Training, validation and test rows of a price model with the cleaning report: a freelancer CSV read,
/// cleaned, turned into requests + targets, and split by a split file or, without one, by a seeded 70/15/15.
/// </summary>
/// <param name="Split">"file" when a split file chose the rows, "seed:N" when a seeded shuffle did.</param>
/// <param name="SplitRowsMissing">Rows a split file names that cleaning skipped.</param>
public sealed record PriceDataset(
    IReadOnlyList<PriceTrainingRow> Train,
    IReadOnlyList<PriceTrainingRow> Validation,
    IReadOnlyList<PriceTrainingRow> Test,
    FreelancerCsvReport Report,
    string Split,
    int SplitRowsMissing)
{
    public static PriceDataset FromCsv(string csvPath, string? splitPath = null, int seed = 42)
    {
        var csv = FreelancerCsv.ReadFile(csvPath);
        var split = splitPath is null ? null : PriceSplit.ReadFile(splitPath);
        return FromCsv(csv, split, seed);
    }

    public static PriceDataset FromCsv(FreelancerCsv.Result csv, PriceSplit? split, int seed = 42)
    {
        var rows = csv.Jobs.Select(j => PriceTrainingRow.FromFreelancer(j, csv.Report.Source)).ToList();
        var parts = (split ?? PriceSplit.Random(rows.Select(r => r.RowIndex), seed)).Apply(rows);
        return new PriceDataset(parts.Train, parts.Validation, parts.Test, csv.Report,
            split is null ? $"seed:{seed}" : "file", parts.NamedButMissing);
    }
}
