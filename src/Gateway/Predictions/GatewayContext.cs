using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>What the Gateway's own estimators read when no InferenceWorker answers.</summary>
public static class GatewayContext
{
    public static PredictionContext Of(IServiceProvider services) =>
        new(services.GetRequiredService<ICategoryCatalogProvider>().Current, services.GetRequiredService<TimeProvider>().GetUtcNow());
}
