using System.Text.Json;
using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// Which rows train, select (validation) and report (test): 0-based data-row positions. Read from a split
/// file (<c>{"train": [...], "val": [...], "test": [...]}</c>, optionally with <c>train_projectId</c> etc. to
/// check it belongs to the CSV), or drawn deterministically from a seed.
/// </summary>
public sealed record PriceSplit
{
    [JsonPropertyName("dataset")] public string? Dataset { get; init; }
    [JsonPropertyName("train")] public required IReadOnlyList<int> Train { get; init; }
    [JsonPropertyName("val")] public required IReadOnlyList<int> Validation { get; init; }
    [JsonPropertyName("test")] public required IReadOnlyList<int> Test { get; init; }
    [JsonPropertyName("train_projectId")] public IReadOnlyList<JsonElement>? TrainProjectIds { get; init; }
    [JsonPropertyName("val_projectId")] public IReadOnlyList<JsonElement>? ValidationProjectIds { get; init; }
    [JsonPropertyName("test_projectId")] public IReadOnlyList<JsonElement>? TestProjectIds { get; init; }

    /// <summary>The three partitions of a split applied to rows.</summary>
    public sealed record Parts(
        IReadOnlyList<PriceTrainingRow> Train,
        IReadOnlyList<PriceTrainingRow> Validation,
        IReadOnlyList<PriceTrainingRow> Test,
        int NamedButMissing);

    /// <exception cref="InvalidDataException">The JSON lacks a list, repeats a row, or names a negative one.</exception>
    public static PriceSplit Parse(string json)
    {
        PriceSplit split;
        try
        {
            split = JsonSerializer.Deserialize<PriceSplit>(json) ?? throw new InvalidDataException("The split file is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The split file is not a train/val/test split: {ex.Message}", ex);
        }
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        if (all.Any(i => i < 0))
            throw new InvalidDataException("A split names a negative row position.");
        if (all.Distinct().Count() != all.Count)
            throw new InvalidDataException("A split names a row twice, or in two partitions.");
        return split;
    }

    public static PriceSplit ReadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// A seeded shuffle of <paramref name="rowIndices"/> cut 70/15/15 (train and validation rounded, test the
    /// rest): the same rows and seed always give the same split.
    /// </summary>
    public static PriceSplit Random(IEnumerable<int> rowIndices, int seed, double trainShare = 0.70, double validationShare = 0.15)
    {
        if (trainShare <= 0 || validationShare < 0 || trainShare + validationShare > 1)
            throw new ArgumentException("Shares must be positive and leave a test share (train + validation <= 1).");
        var rows = rowIndices.Distinct().Order().ToArray();
        var random = new Random(seed);
        for (var i = rows.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        var train = (int)Math.Round(rows.Length * trainShare, MidpointRounding.AwayFromZero);
        var validation = Math.Min(rows.Length - train, (int)Math.Round(rows.Length * validationShare, MidpointRounding.AwayFromZero));
        return new PriceSplit
        {
            Train = rows[..train],
            Validation = rows[train..(train + validation)],
            Test = rows[(train + validation)..],
        };
    }

    /// <summary>
    /// Selects the rows each partition names, in the split's order. A named row that cleaning skipped is
    /// counted in <see cref="Parts.NamedButMissing"/>; a kept row the split does not name is left out.
    /// </summary>
    /// <exception cref="InvalidDataException">The split's projectIds disagree with the rows' <see cref="PriceTrainingRow.SourceId"/>: it belongs to another file.</exception>
    public Parts Apply(IReadOnlyList<PriceTrainingRow> rows)
    {
        var byIndex = rows.ToDictionary(r => r.RowIndex);
        var missing = 0;
        List<PriceTrainingRow> Select(IReadOnlyList<int> indices, IReadOnlyList<JsonElement>? ids, string name)
        {
            if (ids is not null && ids.Count != indices.Count)
                throw new InvalidDataException($"The split's {name}_projectId list does not match its {name} list.");
            var selected = new List<PriceTrainingRow>(indices.Count);
            for (var k = 0; k < indices.Count; k++)
            {
                if (!byIndex.TryGetValue(indices[k], out var row))
                {
                    missing++;
                    continue;
                }
                if (ids is not null && row.SourceId is { } id && !string.Equals(IdText(ids[k]), id, StringComparison.Ordinal))
                    throw new InvalidDataException($"Split row {indices[k]} is projectId {IdText(ids[k])} in the split but {id} in the data: the split belongs to another file.");
                selected.Add(row);
            }
            return selected;
        }
        var train = Select(Train, TrainProjectIds, "train");
        var validation = Select(Validation, ValidationProjectIds, "val");
        var test = Select(Test, TestProjectIds, "test");
        return new Parts(train, validation, test, missing);
    }

    private static string IdText(JsonElement id) => id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : id.GetRawText();
}
