using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Predictions.Tests;

public class ServedPriceFeatureTests
{
    private static readonly PredictPrice[] Training =
    [
        new() { Title = "Fix leaking faucet", Description = "Kitchen faucet drips.", Tags = ["plumbing", "pipes"], SkillLevel = "ENTRY", JobScope = "MINOR_REPAIR", WorkEnvironment = "INDOOR" },
        new() { Title = "Repipe the house", Description = "Replace all pipes.", Tags = ["plumbing"], SkillLevel = "EXPERT", JobScope = "MAJOR_RENOVATION", WorkEnvironment = "BOTH" },
        new() { Title = "Paint the gate", Description = "", Tags = ["painting"], SkillLevel = "INTERMEDIATE", JobScope = "MINOR_REPAIR", WorkEnvironment = "OUTDOOR", Category = "Painting" },
    ];

    private static readonly PriceFeatureSpec Spec = PriceFeatureFitter.FitServed(Training, hashBuckets: 64);

    private static readonly PredictPrice Request = new()
    {
        Title = "Fix leaking faucet", Description = "Bathroom faucet drips all night.", Tags = ["Plumbing", "fixtures"],
        SkillLevel = "ENTRY", JobScope = "MINOR_REPAIR", WorkEnvironment = "INDOOR",
    };

    [Fact]
    public void FitServed_learns_sorted_vocabularies_from_the_training_rows()
    {
        Assert.Equal(PriceFeatureConfigurations.Served, Spec.Configuration);
        Assert.Equal(["MAJOR_RENOVATION", "MINOR_REPAIR"], Spec.JobScopes);
        Assert.Equal(["ENTRY", "EXPERT", "INTERMEDIATE"], Spec.SkillLevels);
        Assert.Equal(["BOTH", "INDOOR", "OUTDOOR"], Spec.WorkEnvironments);
        Assert.Equal(["Painting", "Plumbing"], Spec.Categories); // two derived, one named
        Assert.Equal(["MAJOR_RENOVATION|Plumbing", "MINOR_REPAIR|Painting", "MINOR_REPAIR|Plumbing"], Spec.ScopeCategories);
        Assert.Equal(2 + 3 + 3 + 2 + 3 + 64, Spec.FeatureCount);
    }

    [Fact]
    public void Extract_sets_one_hots_in_vocabulary_order_then_hashed_text()
    {
        var f = PriceFeatures.Extract(Request, Spec);

        Assert.Equal(Spec.FeatureCount, f.Length);
        Assert.Equal([0f, 1f], f[0..2]);                  // MINOR_REPAIR
        Assert.Equal([1f, 0f, 0f], f[2..5]);              // ENTRY
        Assert.Equal([0f, 1f, 0f], f[5..8]);              // INDOOR
        Assert.Equal([0f, 1f], f[8..10]);                 // derived Plumbing
        Assert.Equal([0f, 0f, 1f], f[10..13]);            // MINOR_REPAIR|Plumbing
        Assert.Contains(f[13..], v => v != 0);
        Assert.All(f, v => Assert.InRange(v, -1.5f, 1.5f));
    }

    [Fact]
    public void Extract_hashes_the_same_terms_into_the_same_buckets_as_TextHashing()
    {
        var f = PriceFeatures.Extract(Request, Spec);

        var expected = new float[64];
        TextHashing.Add(expected, "title", TextHashing.Ngrams(TextHashing.Words(Request.Title), 2));
        TextHashing.Add(expected, "description", TextHashing.Ngrams(TextHashing.Words(Request.Description), 2));
        TextHashing.Add(expected, "tag", ["plumbing", "fixtures"]);
        Assert.Equal(expected, f[13..]);
    }

    [Fact]
    public void Words_change_the_features_when_everything_else_is_equal()
    {
        var small = PriceFeatures.Extract(Request with { Title = "Fix faucet washer" }, Spec);
        var large = PriceFeatures.Extract(Request with { Title = "Repipe whole house" }, Spec);

        Assert.Equal(small[..13], large[..13]);
        Assert.NotEqual(small[13..], large[13..]);
    }

    [Fact]
    public void Unknown_values_map_to_zeros_and_a_missing_scope_sets_no_pair()
    {
        var f = PriceFeatures.Extract(new PredictPrice { Title = "x", Category = "Astrology", SkillLevel = "GURU" }, Spec);

        Assert.All(f[..13], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Extract_is_deterministic()
    {
        Assert.Equal(PriceFeatures.Extract(Request, Spec), PriceFeatures.Extract(Request, Spec));
    }

    [Fact]
    public void A_served_spec_survives_a_json_round_trip_with_identical_features()
    {
        var json = (Spec with { Confidence = 0.61 }).ToJson();

        var read = PriceFeatureSpec.Parse(json);

        Assert.Contains("\"configuration\":\"served\"", json);
        Assert.Contains("\"hash_buckets\":64", json);
        Assert.Equal(Spec.FeatureCount, read.FeatureCount);
        Assert.Equal(Spec.ScopeCategories, read.ScopeCategories);
        Assert.Equal(0.61, read.Confidence);
        Assert.Equal(PriceFeatures.Extract(Request, Spec), PriceFeatures.Extract(Request, read));
    }

    [Fact]
    public void A_seed_spec_survives_a_json_round_trip_with_identical_features()
    {
        var spec = PriceFeatureFitter.FitSeed(Training);

        var read = PriceFeatureSpec.Parse(spec.ToJson());

        Assert.Equal(PriceFeatureConfigurations.Seed, read.Configuration);
        Assert.Equal(60, read.FeatureCount);
        Assert.Equal(PriceFeatures.Extract(Request, spec), PriceFeatures.Extract(Request, read));
    }

    [Fact]
    public void A_spec_written_before_configurations_existed_reads_as_seed()
    {
        var spec = PriceFeatureSpec.Parse("""{"categories": ["Plumbing"], "tags": ["repair"], "confidence": 0.4}""");

        Assert.Equal(PriceFeatureConfigurations.Seed, spec.Configuration);
        Assert.Equal(PriceFeatureSpec.SeedFeatureCount, spec.FeatureCount);
    }

    [Theory]
    [InlineData("""{"configuration": "fancy"}""")]
    [InlineData("""{"configuration": "served", "hash_buckets": -1}""")]
    [InlineData("""{"configuration": "served", "hash_buckets": 100000000}""")]
    [InlineData("""{"configuration": "served", "max_ngram": 0}""")]
    public void Parse_refuses_an_unknown_configuration_or_an_out_of_range_served_spec(string json)
    {
        Assert.Throws<System.Text.Json.JsonException>(() => PriceFeatureSpec.Parse(json));
    }

    [Fact]
    public void Each_extractor_refuses_the_other_configurations_spec()
    {
        Assert.Throws<ArgumentException>(() => ServedPriceFeatureExtractor.Extract(Request, new PriceFeatureSpec()));
        Assert.Throws<ArgumentException>(() => PriceFeatureExtractor.Extract(Request, Spec));
    }

    [Fact]
    public void FitSeed_takes_the_most_frequent_categories_and_tags_ties_by_name()
    {
        var spec = PriceFeatureFitter.FitSeed(Training);

        Assert.Equal(["Plumbing", "Painting"], spec.Categories);
        Assert.Equal(["plumbing", "painting", "pipes"], spec.Tags);
    }

    [Fact]
    public void The_seed_configuration_derives_a_missing_category_through_the_entry_point()
    {
        var spec = new PriceFeatureSpec { Categories = ["Electrical", "Plumbing"] };

        var f = PriceFeatures.Extract(new PredictPrice { Title = "Fix leaking faucet", Tags = ["pipes"] }, spec);

        Assert.Equal(1f, f[PriceFeatureSpec.SeedFeatureCount - PriceFeatureSpec.CategorySlots + 1]);
    }

    [Fact]
    public void ExtractBatch_packs_rows_back_to_back()
    {
        var batch = PriceFeatures.ExtractBatch([Request, Training[1]], Spec);

        Assert.Equal(2 * Spec.FeatureCount, batch.Length);
        Assert.Equal(PriceFeatures.Extract(Training[1], Spec), batch[Spec.FeatureCount..]);
    }
}
