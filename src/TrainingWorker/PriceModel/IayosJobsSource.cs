using Dapper;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Training.PriceModel;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.PriceModel;

/// <summary>Completed iAyos jobs in PostgreSQL as price training rows (seed 001's training data).</summary>
public sealed class IayosJobsSource(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT j.id, j.title, j.description, c.name AS category, j.budget, j.urgency, j.skill_level, j.materials_count
        FROM iayos.jobs j JOIN iayos.categories c ON c.id = j.category_id
        WHERE j.status = 'COMPLETED' AND j.budget > 0
        ORDER BY j.id
        """;

    public async Task<PriceDataset> LoadAsync(int seed, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var jobs = (await connection.QueryAsync<JobRow>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
        var rows = jobs.Select((j, i) => PriceTrainingRow.FromBudget(new PredictPrice
        {
            Title = j.Title,
            Description = j.Description,
            Category = j.Category,
            Urgency = j.Urgency,
            SkillLevel = j.SkillLevel,
            // Only the count is stored; the seed's feature is the count.
            Materials = Enumerable.Repeat("material", j.MaterialsCount).ToList(),
        }, (double)j.Budget, i, "iayos.jobs") with { SourceId = j.Id.ToString() }).ToList();
        var parts = PriceSplit.Random(rows.Select(r => r.RowIndex), seed).Apply(rows);
        var report = new FreelancerCsvReport
        {
            Source = "iayos.jobs",
            Rows = rows.Count,
            Kept = rows.Count,
            Skipped = new Dictionary<CsvSkipReason, int>(),
            Repaired = new Dictionary<CsvRepair, int>(),
        };
        return new PriceDataset(parts.Train, parts.Validation, parts.Test, report, $"seed:{seed}", 0);
    }

    private sealed record JobRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string Category { get; init; } = "";
        public decimal Budget { get; init; }
        public string Urgency { get; init; } = "";
        public string SkillLevel { get; init; } = "";
        public int MaterialsCount { get; init; }
    }
}
