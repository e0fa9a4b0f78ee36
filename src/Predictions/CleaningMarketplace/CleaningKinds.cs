using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// Seed 004's hybrid network (collaborative + content, learned alpha): trained by the TrainingWorker, versioned in
/// the registry, served by the ScoringWorker inside its recommendation answers (no prediction route of its own).
/// </summary>
public sealed class CleanerMatchKind : ITrainedKind
{
    public const string KindName = "cleaner-match";
    public static readonly CleanerMatchKind Instance = new();

    private CleanerMatchKind()
    {
    }

    public string Name => KindName;
    public string? TrainRoute => null;
    public bool IsDefault => false;

    public IModelFeatureSpec ParseFeatureSpec(string json) => CleanerMatchSpec.Parse(json);

    public override string ToString() => Name;
}

/// <summary>Seed 004's bid model (min &lt;= optimal &lt;= max), served by the ScoringWorker's bid suggestions.</summary>
public sealed class CleaningBidKind : ITrainedKind
{
    public const string KindName = "cleaning-bid";
    public static readonly CleaningBidKind Instance = new();

    private CleaningBidKind()
    {
    }

    public string Name => KindName;
    public string? TrainRoute => null;
    public bool IsDefault => false;

    public IModelFeatureSpec ParseFeatureSpec(string json) => BidModelSpec.Parse(json);

    public override string ToString() => Name;
}
