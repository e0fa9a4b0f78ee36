using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>One profile's model row, shared by training and serving: [embedding | standardized indicators, zeros], 2 x dimensions wide.</summary>
public static class TrustInputs
{
    public static float[] Row(ReadOnlySpan<float> embedding, TrustIndicatorValues indicators, TrustFeatureSpec spec)
    {
        if (embedding.Length != spec.TextDimensions)
            throw new ArgumentException($"The embedding has {embedding.Length} dimensions; the model reads {spec.TextDimensions}.", nameof(embedding));
        var row = new float[spec.RowWidth];
        if (spec.Configuration != TrustConfigurations.IndicatorsOnly)
            embedding.CopyTo(row);
        if (spec.Configuration != TrustConfigurations.TextOnly)
        {
            var values = TrustIndicators.ToArray(indicators);
            for (var i = 0; i < values.Length; i++)
                row[spec.TextDimensions + i] = (float)((values[i] - spec.IndicatorMeans[i]) / spec.IndicatorScales[i]);
        }
        return row;
    }
}
