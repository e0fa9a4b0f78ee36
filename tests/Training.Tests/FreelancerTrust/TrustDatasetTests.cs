using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Training.Tests.FreelancerTrust;

public sealed class TrustDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trust-dataset-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Profiles_serving_would_refuse_are_counted_with_their_field_and_left_out()
    {
        var profiles = PlantedTrustProfiles.Generate(40, 1, invalid: 3);

        var data = TrustDataset.Build(profiles, new HashingTextEmbedder(), "hashing", null);

        Assert.Equal(37, data.Examples.Count);
        Assert.Equal(["p0", "p1", "p2"], data.Rejected.Select(r => r.Id));
        var reason = Assert.Single(data.RejectionReasons());
        Assert.Equal("projects[].end_date", reason.Field);
        Assert.Equal(3, reason.Count);
        Assert.Contains("before start_date", reason.Example);
    }

    [Fact]
    public void A_second_build_of_the_same_file_reads_every_embedding_from_the_cache()
    {
        var profiles = PlantedTrustProfiles.Generate(100, 2);
        var cache = TrustEmbeddingCache.PathFor(Path.Combine(_directory, "trust.jsonl"), "hashing");
        var first = new HashingTextEmbedder();
        var second = new HashingTextEmbedder();

        var built = TrustDataset.Build(profiles, first, "hashing", cache);
        var rebuilt = TrustDataset.Build(profiles, second, "hashing", cache);

        Assert.Equal(100, first.Encoded);
        Assert.Equal(0, second.Encoded);
        Assert.Equal(built.Examples.Select(e => e.Embedding), rebuilt.Examples.Select(e => e.Embedding));
    }

    [Fact]
    public void Another_encoder_name_does_not_reuse_the_cached_vectors()
    {
        var profiles = PlantedTrustProfiles.Generate(10, 3);
        var cache = Path.Combine(_directory, "shared.embeddings");
        TrustDataset.Build(profiles, new HashingTextEmbedder(), "hashing", cache);
        var other = new HashingTextEmbedder();

        TrustDataset.Build(profiles, other, "another-encoder", cache);

        Assert.Equal(10, other.Encoded);
    }
}
