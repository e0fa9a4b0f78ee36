using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.Platform.Categories;

/// <summary>The category snapshot estimators answer from, and a way to re-read it now.</summary>
public interface ICategoryCatalogProvider
{
    CategoryCatalog Current { get; }

    DateTimeOffset? RefreshedAt { get; }

    Task<bool> RefreshAsync(CancellationToken cancellationToken);
}
