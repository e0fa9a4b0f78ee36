using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Predictions.Tests;

public class TextHashingTests
{
    [Theory]
    [InlineData("", 0x811C9DC5u)]      // the FNV-1a 32-bit offset basis
    [InlineData("a", 0xE40C292Cu)]     // published FNV-1a test vectors
    [InlineData("foobar", 0xBF9CF968u)]
    public void Fnv1a_matches_the_published_test_vectors(string text, uint hash)
    {
        Assert.Equal(hash, TextHashing.Fnv1a(text));
    }

    [Fact]
    public void Words_are_lower_case_runs_of_letters_and_digits()
    {
        Assert.Equal(["fix", "2", "leaking", "pipes", "sa", "kusina", "ñ"], TextHashing.Words("Fix 2 leaking-pipes (sa KUSINA)! Ñ"));
        Assert.Empty(TextHashing.Words(null));
    }

    [Fact]
    public void Ngrams_lists_unigrams_then_bigrams()
    {
        Assert.Equal(["fix", "the", "sink", "fix the", "the sink"], TextHashing.Ngrams(["fix", "the", "sink"], 2));
        Assert.Equal(["fix"], TextHashing.Ngrams(["fix"], 3));
    }

    [Fact]
    public void Add_puts_each_term_in_its_bucket_with_its_sign_and_field_weight()
    {
        var buckets = new float[16];

        TextHashing.Add(buckets, "title", ["sink", "pipe", "leak", "tap"]);

        // Four terms weigh 1/sqrt(4) each; recompute where each lands.
        var expected = new float[16];
        foreach (var term in new[] { "sink", "pipe", "leak", "tap" })
        {
            var h = TextHashing.Fnv1a("title:" + term);
            expected[h % 16] += (h & 0x8000_0000u) == 0 ? 0.5f : -0.5f;
        }
        Assert.Equal(expected, buckets);
        Assert.Contains(buckets, v => v != 0);
    }

    [Fact]
    public void Add_separates_fields_by_namespace()
    {
        var title = new float[4096];
        var tag = new float[4096];

        TextHashing.Add(title, "title", ["paint"]);
        TextHashing.Add(tag, "tag", ["paint"]);

        Assert.NotEqual(Array.IndexOf(title, title.First(v => v != 0)), Array.IndexOf(tag, tag.First(v => v != 0)));
    }
}
