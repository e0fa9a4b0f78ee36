using Dapper;
using Npgsql;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>Writes demo jobs in one statement (arrays unnested server-side); ids make a rerun a no-op.</summary>
public sealed class DemoJobLoader(NpgsqlDataSource dataSource)
{
    private const string CategoriesSql = "SELECT id, name, default_avg_price AS avg_price, default_hours AS hours FROM iayos.categories ORDER BY id";

    private const string InsertSql = """
        INSERT INTO iayos.jobs (id, category_id, title, description, budget, urgency, skill_level, materials_count,
                                job_type, status, worker_id, created_at, started_at, completed_at)
        SELECT * FROM unnest(@Ids, @CategoryIds, @Titles, @Descriptions, @Budgets, @Urgencies, @SkillLevels,
                             @MaterialsCounts, @JobTypes, @Statuses, @WorkerIds, @CreatedAts, @StartedAts, @CompletedAts)
        ON CONFLICT (id) DO NOTHING
        """;

    public async Task<(int Generated, int Inserted)> LoadAsync(int count, int seed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var categories = (await connection.QueryAsync<CategoryRow>(new CommandDefinition(CategoriesSql, cancellationToken: cancellationToken)))
            .Select(c => new DemoJobGenerator.Category(c.Id, c.Name, c.AvgPrice, c.Hours))
            .ToList();
        var jobs = DemoJobGenerator.Generate(categories, count, seed);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Ids = jobs.Select(j => j.Id).ToArray(),
            CategoryIds = jobs.Select(j => j.CategoryId).ToArray(),
            Titles = jobs.Select(j => j.Title).ToArray(),
            Descriptions = jobs.Select(j => j.Description).ToArray(),
            Budgets = jobs.Select(j => j.Budget).ToArray(),
            Urgencies = jobs.Select(j => j.Urgency).ToArray(),
            SkillLevels = jobs.Select(j => j.SkillLevel).ToArray(),
            MaterialsCounts = jobs.Select(j => j.MaterialsCount).ToArray(),
            JobTypes = jobs.Select(j => j.JobType).ToArray(),
            Statuses = jobs.Select(j => j.Status).ToArray(),
            WorkerIds = jobs.Select(j => j.WorkerId).ToArray(),
            CreatedAts = jobs.Select(j => j.CreatedAt).ToArray(),
            StartedAts = jobs.Select(j => j.StartedAt).ToArray(),
            CompletedAts = jobs.Select(j => j.CompletedAt).ToArray(),
        }, cancellationToken: cancellationToken));
        return (jobs.Count, inserted);
    }

    private sealed record CategoryRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public decimal AvgPrice { get; init; }
        public double Hours { get; init; }
    }
}
