using Dapper;
using iAyos.Messaging.Predictions.Workers;
using Npgsql;

namespace iAyos.Messaging.Platform.ServiceJobs;

/// <summary>iAyos jobs from the read model (postings joined with their lifecycle facts).</summary>
public sealed class ServiceJobReader(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        SELECT p.id, p.category_id, c.name AS category, p.budget, p.urgency, p.skill_level, p.materials, p.materials_count, p.job_type,
               p.created_at AS posted_at, f.worker_id, f.started_at, f.completed_at, f.cancelled_at, f.rating::int AS rating,
               f.satisfaction, f.reviewed_at
        FROM iayos.job_postings p
        JOIN iayos.categories c ON c.id = p.category_id
        LEFT JOIN iayos.job_progress f ON f.job_id = p.id
        """;

    private const string OneSql = Columns + "\nWHERE p.id = @Id";

    private const string CompletedSql = Columns + """

        WHERE f.completed_at IS NOT NULL AND f.cancelled_at IS NULL
        ORDER BY f.started_at NULLS LAST, p.id
        """;

    public async Task<ServiceJob?> ReadAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(OneSql, new { Id = id }, cancellationToken: ct));
        return row?.ToJob();
    }

    /// <summary>Every completed, not cancelled job, by start time.</summary>
    public async Task<IReadOnlyList<ServiceJob>> ReadCompletedAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(CompletedSql, cancellationToken: ct));
        return rows.Select(r => r.ToJob()).ToList();
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public int CategoryId { get; init; }
        public string Category { get; init; } = "";
        public decimal Budget { get; init; }
        public string Urgency { get; init; } = "";
        public string SkillLevel { get; init; } = "";
        public string[] Materials { get; init; } = [];
        public int MaterialsCount { get; init; }
        public string JobType { get; init; } = "";
        public DateTime PostedAt { get; init; }
        public long? WorkerId { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public DateTime? CancelledAt { get; init; }
        public int? Rating { get; init; }
        public double? Satisfaction { get; init; }
        public DateTime? ReviewedAt { get; init; }

        // Rows written before events carried material names hold only a count.
        public ServiceJob ToJob() => new(Id, CategoryId, Category, Budget, Urgency, SkillLevel,
            Materials.Length > 0 ? Materials : Enumerable.Repeat("material", MaterialsCount).ToList(), JobType,
            Utc(PostedAt)!.Value, WorkerId, Utc(StartedAt), Utc(CompletedAt), Utc(CancelledAt), Rating, Satisfaction, Utc(ReviewedAt));

        private static DateTimeOffset? Utc(DateTime? value) =>
            value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
    }
}
