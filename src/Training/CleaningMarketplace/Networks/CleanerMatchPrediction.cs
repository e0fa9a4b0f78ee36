using iAyos.Messaging.Engine;

namespace iAyos.Messaging.Training.CleaningMarketplace.Networks;

/// <summary>The cleaner-match network's three outputs for the same rows, each [rows, 1] in 0-1.</summary>
public sealed record CleanerMatchPrediction(Tensor Hybrid, Tensor Collaborative, Tensor Content);
