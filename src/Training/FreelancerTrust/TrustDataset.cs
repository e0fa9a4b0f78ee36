using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>One usable labelled profile: its text embedding, its indicators as of its day, and its label.</summary>
public sealed record TrustExample(string Id, float[] Embedding, TrustIndicatorValues Indicators, bool Trustworthy, double? TrueProbability);

/// <summary>A profile left out because serving would refuse it, with the validator's first reason.</summary>
public sealed record TrustRejection(string Id, string Field, string Reason);

/// <summary>
/// A trust dataset ready for the networks: each profile validated as serving validates it (as of its own day), then its
/// composed text embedded by the sentence encoder and its six indicators computed. Refused profiles are counted with
/// their reason, never trained on.
/// </summary>
public sealed record TrustDataset(IReadOnlyList<TrustExample> Examples, IReadOnlyList<TrustRejection> Rejected, string Encoder, int Dimensions)
{
    /// <param name="encoderName">Recorded in the spec and part of the cache key (the serving encoder must be the same).</param>
    /// <param name="cachePath">Where embeddings are kept between runs (<see cref="TrustEmbeddingCache.PathFor"/>); null: none.</param>
    public static TrustDataset Build(IReadOnlyList<LabelledTrustProfile> profiles, ITextEmbedder embedder, string encoderName, string? cachePath,
        int threads = 2, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(embedder);
        var valid = new List<(LabelledTrustProfile Labelled, EvaluateTrust Profile)>();
        var rejected = new List<TrustRejection>();
        foreach (var labelled in profiles)
        {
            var validated = TrustRequestValidator.Validate(labelled.Profile, labelled.AsOf);
            if (validated.Value is { } profile) valid.Add((labelled, profile));
            else
            {
                var (field, messages) = validated.Errors.First();
                rejected.Add(new TrustRejection(labelled.Id, field, $"{field} {messages.FirstOrDefault()}"));
            }
        }
        var embeddings = TrustEmbeddingCache.Embed([.. valid.Select(v => TrustText.Compose(v.Profile))], embedder, encoderName, cachePath, threads, ct);
        var examples = valid.Select((v, i) => new TrustExample(v.Labelled.Id, embeddings[i], TrustIndicators.Compute(v.Profile, v.Labelled.AsOf),
            v.Labelled.Trustworthy, v.Labelled.TrueProbability)).ToList();
        return new TrustDataset(examples, rejected, encoderName, embedder.Dimensions);
    }

    /// <summary>Rejections counted by field, project indexes dropped ("projects[].end_date"), most common first, with one
    /// example reason each: what a report says about the rows left out.</summary>
    public IReadOnlyList<TrustRejectionCount> RejectionReasons() =>
        [.. Rejected.GroupBy(r => Regex.Replace(r.Field, @"\[\d+\]", "[]"))
            .Select(g => new TrustRejectionCount(g.Key, g.Count(), g.First().Reason))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Field, StringComparer.Ordinal)];
}

/// <summary>How many profiles one field's check refused, and one of the reasons given.</summary>
public sealed record TrustRejectionCount(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("example")] string Example);
