using System.Text.Json;
using iAyos.Messaging.Predictions.FreelancerTrust;
using static iAyos.Messaging.Predictions.Tests.FreelancerTrust.TrustProfiles;

namespace iAyos.Messaging.Predictions.Tests.FreelancerTrust;

public class TrustInputsTests
{
    private static TrustFeatureSpec Spec(string configuration) => new()
    {
        TextDimensions = 8,
        Configuration = configuration,
        IndicatorMeans = [1, 1, 1, 0, 0, 0],
        IndicatorScales = [2, 1, 1, 1, 1, 1],
    };

    private static readonly float[] Embedding = [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void Seed_rows_should_put_the_text_at_step_0_and_standardized_indicators_at_step_1()
    {
        var v = TrustIndicators.Compute(Steady(), AsOf);

        var row = TrustInputs.Row(Embedding, v, Spec(TrustConfigurations.Seed));

        Assert.Equal(16, row.Length);
        Assert.Equal(Embedding, row[..8]);
        Assert.Equal((3 - 1) / 2f, row[8]); // num_projects
        Assert.Equal((float)v.ProjectLinkRatio, row[13]);
        Assert.Equal([0f, 0f], row[14..]);
    }

    [Theory]
    [InlineData(TrustConfigurations.TextOnly, false, true)]
    [InlineData(TrustConfigurations.IndicatorsOnly, true, false)]
    public void Ablation_rows_should_zero_the_step_they_do_not_read(string configuration, bool textZero, bool indicatorsZero)
    {
        var row = TrustInputs.Row(Embedding, TrustIndicators.Compute(Steady(), AsOf), Spec(configuration));

        Assert.Equal(textZero, row[..8].All(x => x == 0));
        Assert.Equal(indicatorsZero, row[8..].All(x => x == 0));
    }

    [Fact]
    public void Should_refuse_an_embedding_of_other_dimensions() =>
        Assert.Throws<ArgumentException>(() => TrustInputs.Row(new float[5], TrustIndicators.Compute(Steady(), AsOf), Spec(TrustConfigurations.Seed)));

    [Fact]
    public void The_spec_should_round_trip_and_refuse_what_cannot_standardize()
    {
        var spec = Spec(TrustConfigurations.TextOnly);

        Assert.Equal(spec.IndicatorScales, TrustFeatureSpec.Parse(spec.ToJson()).IndicatorScales);
        Assert.Throws<JsonException>(() => TrustFeatureSpec.Parse((spec with { IndicatorScales = [1, 1, 0, 1, 1, 1] }).ToJson()));
        Assert.Throws<JsonException>(() => TrustFeatureSpec.Parse((spec with { IndicatorMeans = [1, 2] }).ToJson()));
        Assert.Throws<JsonException>(() => TrustFeatureSpec.Parse((spec with { Configuration = "bert" }).ToJson()));
    }
}
