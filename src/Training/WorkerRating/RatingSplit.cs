using System.Text.Json;
using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>The freelancer split file: 0-based data-row positions per partition, with each row's freelancer_ID to check
/// the split belongs to the CSV.</summary>
public sealed record RatingSplit
{
    [JsonPropertyName("train")] public required IReadOnlyList<int> Train { get; init; }
    [JsonPropertyName("val")] public required IReadOnlyList<int> Validation { get; init; }
    [JsonPropertyName("test")] public required IReadOnlyList<int> Test { get; init; }
    [JsonPropertyName("train_freelancer_ID")] public IReadOnlyList<string>? TrainIds { get; init; }
    [JsonPropertyName("val_freelancer_ID")] public IReadOnlyList<string>? ValidationIds { get; init; }
    [JsonPropertyName("test_freelancer_ID")] public IReadOnlyList<string>? TestIds { get; init; }

    /// <exception cref="InvalidDataException">Not a split, or a row named twice.</exception>
    public static RatingSplit Parse(string json)
    {
        RatingSplit split;
        try
        {
            split = JsonSerializer.Deserialize<RatingSplit>(json) ?? throw new InvalidDataException("The split file is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The split file is not a train/val/test split: {ex.Message}", ex);
        }
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        if (all.Any(i => i < 0) || all.Distinct().Count() != all.Count)
            throw new InvalidDataException("A split names a negative row position, or a row twice.");
        return split;
    }

    public static RatingSplit ReadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>A seeded 70/15/15 shuffle of the positions, when no split file is given.</summary>
    public static RatingSplit Random(IEnumerable<int> positions, int seed)
    {
        var rows = positions.Distinct().Order().ToArray();
        new Random(seed).Shuffle(rows);
        var train = (int)Math.Round(rows.Length * 0.70, MidpointRounding.AwayFromZero);
        var validation = (int)Math.Round(rows.Length * 0.15, MidpointRounding.AwayFromZero);
        return new RatingSplit { Train = rows[..train], Validation = rows[train..(train + validation)], Test = rows[(train + validation)..] };
    }

    /// <summary>The partition naming <paramref name="position"/> (0 train, 1 val, 2 test), or null.</summary>
    /// <exception cref="InvalidDataException">The split names that position with another freelancer_ID.</exception>
    public int? PartitionOf(int position, string id)
    {
        var lists = new[] { (Train, TrainIds), (Validation, ValidationIds), (Test, TestIds) };
        for (var p = 0; p < lists.Length; p++)
        {
            var (positions, ids) = lists[p];
            var k = IndexOf(positions, position);
            if (k < 0) continue;
            if (ids is not null && k < ids.Count && !string.Equals(ids[k], id, StringComparison.Ordinal))
                throw new InvalidDataException($"Split row {position} is {ids[k]} in the split but {id} in the data: the split belongs to another file.");
            return p;
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<int> positions, int position)
    {
        for (var i = 0; i < positions.Count; i++)
            if (positions[i] == position) return i;
        return -1;
    }
}
