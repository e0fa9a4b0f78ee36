namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>
/// What the engine ended up scoring with: the mode asked, the mode used, the network's scores (null when it did not
/// run), its version, and why it fell back to rule_based if it did.
/// </summary>
public sealed record NeuralScoresOutcome(string RequestedMode, string Mode, double[]? Scores, int? ModelVersion, string? Fallback);
