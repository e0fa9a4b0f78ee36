using System.Security.Cryptography;
using System.Text;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Text;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Training.Tests.FreelancerTrust;

/// <summary>
/// A small trust dataset whose label lives mostly in the text: a concrete bio is trustworthy with probability 0.9, a
/// vague one with 0.1, while the project histories (what the seed's rules read) are drawn the same for both. A network
/// that reads the text can reach ~90%; the rules cannot do much better than the base rate.
/// </summary>
public static class PlantedTrustProfiles
{
    public static readonly DateOnly AsOf = new(2026, 6, 1);

    public static IReadOnlyList<LabelledTrustProfile> Generate(int count, int seed, int invalid = 0)
    {
        var random = new Random(seed);
        var profiles = new List<LabelledTrustProfile>();
        for (var i = 0; i < count; i++)
        {
            var concrete = random.NextDouble() < 0.5;
            var p = concrete ? 0.9 : 0.1;
            var bio = concrete
                ? $"Shipped concrete measured delivery number {random.Next(1000)} for clients"
                : $"Passionate vague guru ninja rockstar number {random.Next(1000)} for everyone";
            var projects = Enumerable.Range(0, random.Next(1, 6)).Select(k =>
            {
                var start = AsOf.AddDays(-random.Next(60, 2000));
                return new TrustProject
                {
                    Title = $"Project {k}", Description = "Built a web shop", Technologies = ["C#"],
                    StartDate = start, EndDate = start.AddDays(random.Next(10, 400)),
                    Link = random.NextDouble() < 0.5 ? $"https://example.com/{i}/{k}" : null,
                };
            }).ToList();
            if (i < invalid) projects[0] = projects[0] with { EndDate = projects[0].StartDate!.Value.AddDays(-5) };
            profiles.Add(new LabelledTrustProfile
            {
                Id = $"p{i}", AsOf = AsOf, TrueProbability = p, Trustworthy = random.NextDouble() < p,
                Profile = new EvaluateTrust { Bio = bio, Skills = ["C#"], Projects = projects },
            });
        }
        return profiles;
    }
}

/// <summary>A deterministic stand-in for the sentence encoder: each word adds 1 to the dimension its hash picks, then the
/// vector is scaled to unit length, so texts sharing words are close. Counts the texts it was asked to encode.</summary>
public sealed class HashingTextEmbedder(int dimensions = 16) : ITextEmbedder
{
    private int _encoded;

    public int Dimensions { get; } = dimensions;

    public int Encoded => _encoded;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        Interlocked.Add(ref _encoded, texts.Count);
        return [.. texts.Select(Vector)];
    }

    private float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.Split([' ', '\n', ':'], StringSplitOptions.RemoveEmptyEntries))
            vector[BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(word.ToLowerInvariant()))) % Dimensions] += 1f;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => norm == 0 ? 0 : v / norm)];
    }
}
