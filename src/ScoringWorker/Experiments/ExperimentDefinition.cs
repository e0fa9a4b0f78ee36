namespace iAyos.Messaging.ScoringWorker.Experiments;

/// <summary>
/// One experiment, bound from <c>Recommendations:Experiments:{name}</c>: its arms' shares
/// (<c>Shares:rule_based</c>, <c>Shares:neural</c>, <c>Shares:ensemble</c>; relative weights, normalised) and
/// whether it is running. At most one experiment runs at a time.
/// </summary>
public sealed class ExperimentDefinition
{
    public const string Section = "Recommendations:Experiments";

    public Dictionary<string, double> Shares { get; set; } = [];

    public bool Enabled { get; set; } = true;
}
