using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>Test double: a catalog held in memory that counts refreshes.</summary>
public sealed class FixedCategoryCatalog(params CategoryStats[] categories) : ICategoryCatalogProvider
{
    public static readonly CategoryStats Plumbing = new(1, "Plumbing", 800m, 1800m, 4500m, 3.0, 0.5, 0);

    public CategoryCatalog Current { get; } = new(categories);

    public DateTimeOffset? RefreshedAt { get; private set; }

    public int Refreshes { get; private set; }

    public Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        Refreshes++;
        RefreshedAt = DateTimeOffset.UtcNow;
        return Task.FromResult(true);
    }
}
