using System.Text.Json;
using Dapper;
using iAyos.Messaging.Contracts.Recommendations;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>Records every recommendation shown (seed 004's JobRecommendation, CleanerRecommendation, BidSuggestion).</summary>
public sealed class RecommendationLog(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string CleanerSql = """
        INSERT INTO scoring.cleaner_recommendations (id, job_id, cleaner_id, client_id, rank, score, breakdown, reasoning, mode, experiment, arm)
        SELECT id, @JobId, cleaner_id, @ClientId, rank, score, breakdown::jsonb, reasoning::jsonb, @Mode, @Experiment, @Arm
        FROM unnest(@Ids, @CleanerIds, @Ranks, @Scores, @Breakdowns, @Reasonings) AS u(id, cleaner_id, rank, score, breakdown, reasoning)
        """;

    private const string JobSql = """
        INSERT INTO scoring.job_recommendations (id, job_id, cleaner_id, rank, score, breakdown, reasoning, mode)
        SELECT id, job_id, @CleanerId, rank, score, breakdown::jsonb, reasoning::jsonb, @Mode
        FROM unnest(@Ids, @JobIds, @Ranks, @Scores, @Breakdowns, @Reasonings) AS u(id, job_id, rank, score, breakdown, reasoning)
        """;

    private const string BidSql = """
        INSERT INTO scoring.bid_suggestions (id, job_id, cleaner_id, min_bid, optimal_bid, max_bid, inputs, mode)
        VALUES (@Id, @JobId, @CleanerId, @MinBid, @OptimalBid, @MaxBid, @Inputs::jsonb, @Mode)
        """;

    /// <param name="experiment">The experiment and arm the client was served under, or null outside one.</param>
    public async Task CleanersShownAsync(long jobId, long clientId, string mode, IReadOnlyList<RecommendedCleaner> shown, CancellationToken ct,
        Experiments.ExperimentAssignment? experiment = null)
    {
        if (shown.Count == 0)
            return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(CleanerSql, new
        {
            JobId = jobId,
            ClientId = clientId,
            Mode = mode,
            Experiment = experiment?.Experiment,
            Arm = experiment?.Arm,
            Ids = shown.Select(r => r.RecommendationId).ToArray(),
            CleanerIds = shown.Select(r => r.CleanerId).ToArray(),
            Ranks = shown.Select(r => r.Rank).ToArray(),
            Scores = shown.Select(r => r.Score).ToArray(),
            Breakdowns = shown.Select(r => JsonSerializer.Serialize(r.Breakdown, Json)).ToArray(),
            Reasonings = shown.Select(r => JsonSerializer.Serialize(r.Reasoning)).ToArray(),
        }, cancellationToken: ct));
    }

    public async Task JobsShownAsync(long cleanerId, string mode, IReadOnlyList<RecommendedJob> shown, CancellationToken ct)
    {
        if (shown.Count == 0)
            return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JobSql, new
        {
            CleanerId = cleanerId,
            Mode = mode,
            Ids = shown.Select(r => r.RecommendationId).ToArray(),
            JobIds = shown.Select(r => r.JobId).ToArray(),
            Ranks = shown.Select(r => r.Rank).ToArray(),
            Scores = shown.Select(r => r.Score).ToArray(),
            Breakdowns = shown.Select(r => JsonSerializer.Serialize(r.Breakdown, Json)).ToArray(),
            Reasonings = shown.Select(r => JsonSerializer.Serialize(r.Reasoning)).ToArray(),
        }, cancellationToken: ct));
    }

    public async Task BidSuggestedAsync(BidSuggestionResult suggestion, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(BidSql, new
        {
            Id = suggestion.SuggestionId,
            suggestion.JobId,
            suggestion.CleanerId,
            suggestion.MinBid,
            suggestion.OptimalBid,
            suggestion.MaxBid,
            Inputs = JsonSerializer.Serialize(suggestion.Inputs, Json),
            suggestion.Mode,
        }, cancellationToken: ct));
    }
}
