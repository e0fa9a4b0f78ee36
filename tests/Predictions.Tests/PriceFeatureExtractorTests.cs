using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Predictions.Tests;

public class PriceFeatureExtractorTests
{
    private static readonly PriceFeatureSpec Spec = new() { Categories = ["Electrical", "Plumbing"], Tags = ["repair", "painting"] };

    [Fact]
    public void Extracts_the_seeds_sixty_features()
    {
        var f = PriceFeatureExtractor.Extract(new PredictPrice
        {
            Title = "Fix sink", Description = "Kitchen sink leaks badly", Urgency = "HIGH", SkillLevel = "ENTRY",
            Materials = ["pipe", "tape"], Tags = ["Plumbing", "REPAIR"], Category = "plumbing",
        }, Spec);

        Assert.Equal(60, f.Length);
        Assert.Equal(0.08f, f[0], 5);           // 8 characters / 100
        Assert.Equal(0.1f, f[1], 5);            // 2 words / 20
        Assert.Equal(24 / 5000f, f[2], 6);      // 24 characters / 5000
        Assert.Equal(4 / 500f, f[3], 6);        // 4 words / 500
        Assert.Equal(28 / 6f / 10f, f[4], 5);   // mean word length of all 6 words / 10
        Assert.Equal(1f, f[5]);                 // HIGH = 2, / 2
        Assert.Equal(0f, f[6]);                 // ENTRY = 0
        Assert.Equal(0.2f, f[7], 5);            // 2 materials / 10
        Assert.Equal(1f, f[8]);                 // has tags
        Assert.Equal(0.2f, f[9], 5);            // 2 tags / 10
        Assert.Equal(1f, f[10]);                // "repair", case-insensitive
        Assert.Equal(0f, f[11]);                // "painting"
        Assert.Equal(0f, f[30]);                // category slot 0: Electrical
        Assert.Equal(1f, f[31]);                // category slot 1: Plumbing
        Assert.Equal(2f, f[10..].Sum());        // exactly two one-hot ones
    }

    [Fact]
    public void Unknown_categories_and_tags_map_to_zeros()
    {
        var f = PriceFeatureExtractor.Extract(new PredictPrice { Title = "x", Category = "Astrology", Tags = ["stars"] }, Spec);

        Assert.All(f[10..], v => Assert.Equal(0f, v));
        Assert.Equal(1f, f[8]);
    }

    [Fact]
    public void Outputs_become_ordered_prices_in_php()
    {
        float[] logs = [(float)Math.Log(1001), (float)Math.Log(501), (float)Math.Log(2001)];

        var p = PriceModelOutput.ToPrediction(logs, Spec with { Confidence = 0.62 }, version: 4, category: "Plumbing");

        Assert.Equal(500m, p.MinPrice, 0);
        Assert.Equal(1000m, p.SuggestedPrice, 0);
        Assert.Equal(2000m, p.MaxPrice, 0);
        Assert.Equal("model", p.Source);
        Assert.Equal(4, p.ModelVersion);
        Assert.Equal(0.62, p.Confidence);
    }

    [Fact]
    public void A_spec_with_too_many_categories_is_refused()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { categories = Enumerable.Range(0, 31).Select(i => $"c{i}") });
        Assert.Throws<System.Text.Json.JsonException>(() => PriceFeatureSpec.Parse(json));
    }
}
