using System.Text;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// Word n-grams hashed into a fixed number of buckets with a sign (the "hashing trick"). The hash is FNV-1a
/// over UTF-8 bytes, never <c>string.GetHashCode</c>, which .NET randomises per process: a model trained in one
/// process must see the same buckets in every InferenceWorker.
/// </summary>
public static class TextHashing
{
    private const uint FnvOffset = 2166136261, FnvPrime = 16777619;

    public static uint Fnv1a(string text)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= FnvPrime;
        }
        return hash;
    }

    /// <summary>Lower-case runs of letters and digits; punctuation and spacing separate words.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
            return words;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }

    /// <summary>Every n-gram of 1..<paramref name="maxN"/> consecutive words, joined by a space.</summary>
    public static List<string> Ngrams(IReadOnlyList<string> words, int maxN)
    {
        var grams = new List<string>();
        for (var n = 1; n <= maxN; n++)
        {
            for (var i = 0; i + n <= words.Count; i++)
                grams.Add(n == 1 ? words[i] : string.Join(' ', words.Skip(i).Take(n)));
        }
        return grams;
    }

    /// <summary>
    /// Adds each term, prefixed by its field's namespace so "title:paint" and "tag:paint" differ, into
    /// <paramref name="buckets"/>: bucket = hash mod width, sign from the hash's top bit, each term weighing
    /// 1/sqrt(terms in the field) so a long description does not drown a short title.
    /// </summary>
    public static void Add(Span<float> buckets, string fieldNamespace, IReadOnlyList<string> terms)
    {
        if (buckets.Length == 0 || terms.Count == 0)
            return;
        var weight = 1f / MathF.Sqrt(terms.Count);
        foreach (var term in terms)
        {
            var hash = Fnv1a(fieldNamespace + ":" + term);
            var sign = (hash & 0x8000_0000u) == 0 ? 1f : -1f;
            buckets[(int)(hash % (uint)buckets.Length)] += sign * weight;
        }
    }
}
