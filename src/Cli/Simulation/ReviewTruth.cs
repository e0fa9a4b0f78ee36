namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// What the generator's reviews are, noise aside: overall = clamp(round(reputation + N(0, sigma)), tier band).
/// <see cref="Expected"/> is the exact mean of that distribution, the best any predictor of a review can do on
/// squared error; the review MSE/MAE left over by it is the target's noise floor.
/// </summary>
public static class ReviewTruth
{
    public static double Expected(double reputation, int minRating, int maxRating, double sigma = MarketplaceGenerator.ReviewNoise)
    {
        // P(overall = k) = P(k - 0.5 <= reputation + noise < k + 0.5), with the tails folded into the band's ends.
        var mean = 0.0;
        for (var k = minRating; k <= maxRating; k++)
        {
            var lo = k == minRating ? 0 : Phi((k - 0.5 - reputation) / sigma);
            var hi = k == maxRating ? 1 : Phi((k + 0.5 - reputation) / sigma);
            mean += k * (hi - lo);
        }
        return mean;
    }

    /// <summary>The standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double Phi(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * z);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
