using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.JobBoard;

/// <summary>
/// Seed 002's ConvFM job recommender: trained by the TrainingWorker on the job board's read model, versioned in the
/// registry, served by the ScoringWorker inside its job recommendations (no prediction route of its own).
/// </summary>
public sealed class JobRecommenderKind : ITrainedKind
{
    public const string KindName = "job-recommender";
    public static readonly JobRecommenderKind Instance = new();

    private JobRecommenderKind()
    {
    }

    public string Name => KindName;
    public string? TrainRoute => null;
    public bool IsDefault => false;

    public IModelFeatureSpec ParseFeatureSpec(string json) => JobRecommenderSpec.Parse(json);

    public override string ToString() => Name;
}
