namespace iAyos.Messaging.ScoringWorker.Experiments;

/// <summary>A client's arm in an experiment; the arm is the engine mode its recommendations are computed in.</summary>
public sealed record ExperimentAssignment(string Experiment, string Arm);
