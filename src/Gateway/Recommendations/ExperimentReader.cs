using Dapper;
using Npgsql;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>What each arm of an experiment showed and what came of it, read from the recommendation records.</summary>
public sealed class ExperimentReader(NpgsqlDataSource dataSource)
{
    // One row per recommendation shown; an outcome counts once however often it was reported (timestamps set once).
    private const string ArmsSql = """
        SELECT arm,
               count(*)                                   AS shown,
               count(*) FILTER (WHERE viewed_at IS NOT NULL)    AS viewed,
               count(*) FILTER (WHERE contacted_at IS NOT NULL) AS contacted,
               count(*) FILTER (WHERE hired_at IS NOT NULL)     AS hired,
               min(shown_at) AS first_shown_at, max(shown_at) AS last_shown_at
        FROM scoring.cleaner_recommendations
        WHERE experiment = @experiment AND arm IS NOT NULL
        GROUP BY arm
        ORDER BY arm
        """;

    /// <summary>The experiment's arms; empty when nothing was recorded under that name.</summary>
    public async Task<IReadOnlyList<ExperimentArmCounts>> ArmsAsync(string experiment, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ExperimentArmCounts>(new CommandDefinition(ArmsSql, new { experiment }, cancellationToken: ct))];
    }
}

public sealed record ExperimentArmCounts
{
    public string Arm { get; init; } = "";
    public long Shown { get; init; }
    public long Viewed { get; init; }
    public long Contacted { get; init; }
    public long Hired { get; init; }
    public DateTime FirstShownAt { get; init; }
    public DateTime LastShownAt { get; init; }
}
