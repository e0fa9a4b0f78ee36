namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>A run that cannot train as asked (no such file, too few rows, a path outside the data directory):
/// it fails with this message as its reason, with no stack trace in the run record.</summary>
public sealed class TrainingDataException(string message) : Exception(message);
