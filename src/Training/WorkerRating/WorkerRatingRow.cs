using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>
/// One training example: <paramref name="Inputs"/> is what is known before the outcome (what the served model
/// sees), <paramref name="SeedInputs"/> what the seed's configuration is given (on the freelancer CSV the same
/// profile plus the snapshot's rating and satisfaction: the target's own components, the leak kept for comparison),
/// and <paramref name="Target"/> the score 0-100.
/// </summary>
public sealed record WorkerRatingRow(string Key, PredictWorkerRating Inputs, PredictWorkerRating SeedInputs, double Target);
