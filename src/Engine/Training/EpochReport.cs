namespace iAyos.Messaging.Engine.Training;

/// <summary>One epoch as Keras' history records it: losses include the regularization term, <paramref name="LearningRate"/>
/// is the rate the epoch ran with (before any reduction at its end).</summary>
public sealed record EpochReport(int Epoch, double Loss, double? ValLoss, double LearningRate, TimeSpan Elapsed);
