using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>
/// Bound from the <c>Recommendations</c> section: the engine mode a request gets when it names none, and the
/// ensemble's weights (seed 004: RECOMMENDATION_MODE = ensemble, weights rule_based 0.6 / neural 0.4).
/// </summary>
public sealed class RecommendationOptions
{
    public const string Section = "Recommendations";

    public string DefaultMode { get; set; } = RecommendationModes.Ensemble;

    public double RuleBasedWeight { get; set; } = 0.6;

    public double NeuralWeight { get; set; } = 0.4;

    public double Blend(double ruleBased, double neural) => Math.Round(RuleBasedWeight * ruleBased + NeuralWeight * neural, 2);
}
