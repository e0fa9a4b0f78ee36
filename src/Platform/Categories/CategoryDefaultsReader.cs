using Dapper;
using iAyos.Messaging.Predictions.Categories;
using Npgsql;

namespace iAyos.Messaging.Platform.Categories;

/// <summary>The categories' seeded defaults, which the fallback baseline blends with training-row statistics.</summary>
public sealed class CategoryDefaultsReader(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT id, name, default_min_price AS min_price, default_avg_price AS avg_price, default_max_price AS max_price, default_hours AS hours
        FROM iayos.categories
        ORDER BY id
        """;

    public async Task<IReadOnlyList<CategoryDefaults>> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct));
        return rows.Select(r => new CategoryDefaults(r.Id, r.Name, r.MinPrice, r.AvgPrice, r.MaxPrice, r.Hours)).ToList();
    }

    private sealed record Row
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public decimal MinPrice { get; init; }
        public decimal AvgPrice { get; init; }
        public decimal MaxPrice { get; init; }
        public double Hours { get; init; }
    }
}
