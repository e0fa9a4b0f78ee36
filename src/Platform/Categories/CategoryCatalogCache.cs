using iAyos.Messaging.Predictions.Categories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.Platform.Categories;

/// <summary>
/// Keeps the latest category snapshot in memory so estimators never wait on PostgreSQL; refreshes it on
/// a timer and on demand (reload command). If storage is down, the last good snapshot keeps serving.
/// </summary>
public sealed class CategoryCatalogCache(CategoryStatsReader reader, CategoryCatalogOptions options, ILogger<CategoryCatalogCache> logger)
    : BackgroundService, ICategoryCatalogProvider
{
    private volatile CategoryCatalog _current = CategoryCatalog.Empty;

    public CategoryCatalog Current => _current;

    public DateTimeOffset? RefreshedAt { get; private set; }

    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            _current = await reader.ReadAsync(cancellationToken);
            RefreshedAt = DateTimeOffset.UtcNow;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not refresh category statistics; keeping the snapshot from {RefreshedAt}", RefreshedAt);
            return false;
        }
    }

    /// <summary>The first snapshot is read before the host takes messages, so no request sees an empty catalog.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.RefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RefreshAsync(stoppingToken);
    }
}

public sealed class CategoryCatalogOptions
{
    public const string Section = "Categories";

    /// <summary>How often completed jobs are re-aggregated into the category statistics.</summary>
    public int RefreshSeconds { get; set; } = 60;
}
