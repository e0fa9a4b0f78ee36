using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Cli.GatewayApi;

/// <summary>The kinds the tool asks a Gateway about; their descriptors give the routes, so the two cannot drift.</summary>
public static class GatewayKinds
{
    private static readonly ModelKindCatalog Kinds = new([PriceBudgetKind.Instance, CompletionTimeKind.Instance, WorkerRatingKind.Instance]);

    /// <summary>Kind name -> the Gateway path of its prediction endpoint.</summary>
    public static readonly IReadOnlyDictionary<string, string> PredictPaths = Kinds.Predicted.ToDictionary(k => k.Name, k => "/api/ml" + k.PredictRoute);

    /// <summary>Kind name -> the Gateway path of its status endpoint.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusPaths = Kinds.Predicted.ToDictionary(k => k.Name, k => "/api/ml" + k.StatusRoute);
}
