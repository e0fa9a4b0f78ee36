using Dapper;
using Npgsql;

namespace iAyos.Messaging.Platform.Models;

/// <summary>Versions of each model kind in PostgreSQL: register, list, activate (rollback = activate an older one).</summary>
public sealed class ModelRegistry(NpgsqlDataSource dataSource) : IModelVersions
{
    private const string Columns = """
        kind, version, artifact_path, sha256, feature_extractor::text AS feature_extractor, metrics::text AS metrics,
        training_data, created_at, status, activated_by, activated_at
        """;

    // Serialises registrations of one kind so version numbers count up without gaps or clashes.
    private const string LockKindSql = "SELECT pg_advisory_xact_lock(7302, hashtext(@Kind))";

    private const string RegisterSql = """
        INSERT INTO ml.model_versions (kind, version, artifact_path, sha256, feature_extractor, metrics, training_data)
        SELECT @Kind, coalesce(max(version), 0) + 1, @ArtifactPath, @Sha256, @FeatureExtractor::jsonb, @Metrics::jsonb, @TrainingData
        FROM ml.model_versions WHERE kind = @Kind
        RETURNING version;
        """;

    private const string ListSql = $"SELECT {Columns} FROM ml.model_versions WHERE (@kind::text IS NULL OR kind = @kind) ORDER BY kind, version DESC";

    private const string FindSql = $"SELECT {Columns} FROM ml.model_versions WHERE kind = @kind AND version = @version";

    private const string ActivateSql = """
        UPDATE ml.model_versions SET status = 'retired' WHERE kind = @kind AND status = 'active' AND version <> @version;
        UPDATE ml.model_versions SET status = 'active', activated_by = @activatedBy, activated_at = now()
        WHERE kind = @kind AND version = @version;
        """;

    public async Task<int> RegisterAsync(ModelVersionDraft draft, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(LockKindSql, draft, transaction, cancellationToken: ct));
        var version = await connection.QuerySingleAsync<int>(new CommandDefinition(RegisterSql, draft, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return version;
    }

    public async Task<IReadOnlyList<ModelVersion>> ListAsync(string? kind, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ModelVersion>(new CommandDefinition(ListSql, new { kind }, cancellationToken: ct))).ToList();
    }

    public async Task<ModelVersion?> FindAsync(string kind, int version, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ModelVersion>(new CommandDefinition(FindSql, new { kind, version }, cancellationToken: ct));
    }

    /// <summary>Marks the version active and the kind's previous active version retired, in one transaction.</summary>
    public async Task ActivateAsync(string kind, int version, string activatedBy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ActivateSql, new { kind, version, activatedBy }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }
}

public sealed record ModelVersionDraft(string Kind, string ArtifactPath, string Sha256, string FeatureExtractor, string Metrics, string TrainingData);

public sealed record ModelVersion
{
    public string Kind { get; init; } = "";
    public int Version { get; init; }
    public string ArtifactPath { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public string FeatureExtractor { get; init; } = "{}";
    public string Metrics { get; init; } = "{}";
    public string TrainingData { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public string Status { get; init; } = "";
    public string? ActivatedBy { get; init; }
    public DateTime? ActivatedAt { get; init; }
}
