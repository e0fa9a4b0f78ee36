using Dapper;
using iAyos.Messaging.Predictions.Categories;
using Npgsql;

namespace iAyos.Messaging.Platform.Categories;

/// <summary>Reads every category's defaults with the price quartiles and ln(hours) moments of its completed jobs.</summary>
public sealed class CategoryStatsReader(NpgsqlDataSource dataSource)
{
    // Completed jobs count only with a positive budget and a duration in the seed's valid range (0.5-720 h).
    private const string Sql = """
        WITH completed AS (
            SELECT category_id,
                   budget,
                   extract(epoch FROM completed_at - started_at) / 3600.0 AS hours
            FROM iayos.jobs
            WHERE status = 'COMPLETED' AND budget > 0 AND started_at IS NOT NULL AND completed_at IS NOT NULL
        ), stats AS (
            SELECT category_id,
                   count(*)::int                                                         AS completed_jobs,
                   (percentile_cont(0.25) WITHIN GROUP (ORDER BY budget))::numeric(12,2) AS price_p25,
                   (percentile_cont(0.50) WITHIN GROUP (ORDER BY budget))::numeric(12,2) AS price_median,
                   (percentile_cont(0.75) WITHIN GROUP (ORDER BY budget))::numeric(12,2) AS price_p75,
                   avg(ln(hours))::double precision                                      AS mean_log_hours,
                   stddev_samp(ln(hours))::double precision                              AS sd_log_hours
            FROM completed
            WHERE hours BETWEEN 0.5 AND 720
            GROUP BY category_id
        )
        SELECT c.id, c.name, c.default_min_price, c.default_avg_price, c.default_max_price, c.default_hours,
               coalesce(s.completed_jobs, 0) AS completed_jobs,
               s.price_p25, s.price_median, s.price_p75, s.mean_log_hours, s.sd_log_hours
        FROM iayos.categories c
        LEFT JOIN stats s ON s.category_id = c.id
        ORDER BY c.id
        """;

    public async Task<CategoryCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return new CategoryCatalog(rows.Select(r => new CategoryObservation(
            r.Id, r.Name, r.DefaultMinPrice, r.DefaultAvgPrice, r.DefaultMaxPrice, r.DefaultHours,
            r.CompletedJobs, r.PriceP25, r.PriceMedian, r.PriceP75, r.MeanLogHours, r.SdLogHours).Blend()));
    }

    // Storage-shaped row; the domain record stays free of SQL's nullability and naming.
    private sealed record Row
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public decimal DefaultMinPrice { get; init; }
        public decimal DefaultAvgPrice { get; init; }
        public decimal DefaultMaxPrice { get; init; }
        public double DefaultHours { get; init; }
        public int CompletedJobs { get; init; }
        public decimal? PriceP25 { get; init; }
        public decimal? PriceMedian { get; init; }
        public decimal? PriceP75 { get; init; }
        public double? MeanLogHours { get; init; }
        public double? SdLogHours { get; init; }
    }
}
