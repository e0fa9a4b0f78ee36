using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>
/// One labelled profile of a trust dataset: the profile as a client would submit it, the day its indicators are
/// computed as of, the label, and (from the generator only) the probability the label was drawn with, which is what
/// the best achievable accuracy is measured from.
/// </summary>
public sealed record LabelledTrustProfile
{
    public required string Id { get; init; }
    public required EvaluateTrust Profile { get; init; }
    public required DateOnly AsOf { get; init; }
    public required bool Trustworthy { get; init; }
    /// <summary>The generator's P(trustworthy | profile); null for labels of unknown origin.</summary>
    public double? TrueProbability { get; init; }
}

/// <summary>A trust dataset on disk: one <see cref="LabelledTrustProfile"/> per line, JSON in the API's snake_case.</summary>
public static class TrustProfileFile
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(string path, IEnumerable<LabelledTrustProfile> profiles)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
            foreach (var profile in profiles)
                writer.WriteLine(JsonSerializer.Serialize(profile, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="InvalidDataException">A line is not a labelled profile; the message names the line.</exception>
    public static IReadOnlyList<LabelledTrustProfile> Read(string path)
    {
        var profiles = new List<LabelledTrustProfile>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                profiles.Add(JsonSerializer.Deserialize<LabelledTrustProfile>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {number} is not a labelled profile: {ex.Message}", ex);
            }
        }
        return profiles;
    }
}
