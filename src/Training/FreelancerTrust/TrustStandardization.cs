using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>The six indicators' means and standard deviations, fitted on training rows only so validation and test stay
/// unseen; an indicator constant in training gets scale 1 (it then carries no signal, and the spec needs a positive scale).</summary>
public static class TrustStandardization
{
    public static (double[] Means, double[] Scales) Fit(IEnumerable<TrustIndicatorValues> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rows = training.Select(TrustIndicators.ToArray).ToList();
        if (rows.Count == 0) throw new ArgumentException("No training rows to fit the indicators' standardization on.", nameof(training));
        var means = new double[TrustIndicators.Count];
        var scales = new double[TrustIndicators.Count];
        for (var i = 0; i < TrustIndicators.Count; i++)
        {
            var mean = rows.Average(r => (double)r[i]);
            var deviation = Math.Sqrt(rows.Average(r => (r[i] - mean) * (r[i] - mean)));
            means[i] = mean;
            scales[i] = deviation > 1e-9 ? deviation : 1.0;
        }
        return (means, scales);
    }
}
