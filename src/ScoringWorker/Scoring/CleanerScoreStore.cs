using iAyos.Messaging.Predictions.CleaningMarketplace;
using System.Data;
using Dapper;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.Scoring;

/// <summary>
/// Recomputes cleaner scores set-based: one aggregate query for the cleaners asked (or all), the
/// weighting in <see cref="CleanerScoreCalculator"/>, one upsert of every row. No per-cleaner queries.
/// </summary>
public sealed class CleanerScoreStore
{
    // @ids NULL means every cleaner. Facts only count once both sides are known (e.g. a completed job
    // whose acceptance has not arrived yet is nobody's job yet); the later event recomputes.
    private const string StatsSql = """
        WITH c AS (
            SELECT id FROM marketplace.cleaners WHERE @ids::bigint[] IS NULL OR id = ANY(@ids)
        ), assigned AS (
            SELECT j.*, (j.completed_at IS NOT NULL AND j.cancelled_at IS NULL) AS done
            FROM marketplace.jobs j JOIN c ON c.id = j.accepted_cleaner_id
        ), job_stats AS (
            SELECT accepted_cleaner_id AS cleaner_id,
                   count(*)::int                                                    AS accepted_jobs,
                   count(*) FILTER (WHERE done)::int                                AS completed_jobs,
                   count(*) FILTER (WHERE cancelled_at IS NOT NULL)::int            AS cancelled_jobs,
                   count(*) FILTER (WHERE done AND started_at IS NOT NULL AND scheduled_start IS NOT NULL)::int AS timed_jobs,
                   count(*) FILTER (WHERE done AND started_at <= scheduled_start + @grace)::int AS on_time_jobs,
                   count(*) FILTER (WHERE done AND photo_count > 0)::int            AS jobs_with_photos,
                   count(*) FILTER (WHERE NOT done AND cancelled_at IS NULL)::int   AS jobs_in_progress,
                   count(*) FILTER (WHERE done AND completed_at > @asOf - interval '30 days' AND completed_at <= @asOf)::int AS jobs_last30_days,
                   count(*) FILTER (WHERE done AND completed_at > @asOf - interval '90 days' AND completed_at <= @asOf)::int AS jobs_last90_days
            FROM assigned GROUP BY accepted_cleaner_id
        ), specialty AS (
            SELECT DISTINCT ON (a.accepted_cleaner_id) a.accepted_cleaner_id AS cleaner_id, p.property_type
            FROM assigned a JOIN marketplace.properties p ON p.id = a.property_id
            WHERE a.done
            GROUP BY a.accepted_cleaner_id, p.property_type
            ORDER BY a.accepted_cleaner_id, count(*) DESC, p.property_type
        ), eco AS (
            SELECT a.accepted_cleaner_id AS cleaner_id, avg(CASE WHEN p.eco_preference THEN 1.0 ELSE 0.0 END)::double precision AS eco_share
            FROM assigned a JOIN marketplace.properties p ON p.id = a.property_id
            WHERE a.done GROUP BY a.accepted_cleaner_id
        ), review_stats AS (
            SELECT r.cleaner_id, count(*)::int AS review_count,
                   avg(overall)::double precision AS avg_overall, avg(quality)::double precision AS avg_quality,
                   avg(communication)::double precision AS avg_communication,
                   avg(professionalism)::double precision AS avg_professionalism, avg(timeliness)::double precision AS avg_timeliness
            FROM marketplace.reviews r JOIN c ON c.id = r.cleaner_id GROUP BY r.cleaner_id
        ), bid_stats AS (
            SELECT b.cleaner_id, count(*)::int AS bids_placed,
                   count(*) FILTER (WHERE j.accepted_bid_id = b.id)::int AS bids_won,
                   avg(b.amount)::numeric(10,2) AS average_bid,
                   avg(b.amount / nullif(j.estimated_hours, 0))::double precision AS average_bid_per_hour,
                   count(*) FILTER (WHERE b.placed_at > @asOf - interval '30 days' AND b.placed_at <= @asOf)::int AS bids_last30_days
            FROM marketplace.bids b JOIN c ON c.id = b.cleaner_id
            LEFT JOIN marketplace.jobs j ON j.id = b.job_id
            GROUP BY b.cleaner_id
        ), earnings AS (
            SELECT p.cleaner_id, sum(p.amount - p.platform_fee) AS total_earnings
            FROM marketplace.payments p JOIN c ON c.id = p.cleaner_id GROUP BY p.cleaner_id
        )
        SELECT c.id AS cleaner_id,
               coalesce(js.accepted_jobs, 0) AS accepted_jobs, coalesce(js.completed_jobs, 0) AS completed_jobs,
               coalesce(js.cancelled_jobs, 0) AS cancelled_jobs, coalesce(js.timed_jobs, 0) AS timed_jobs,
               coalesce(js.on_time_jobs, 0) AS on_time_jobs, coalesce(js.jobs_with_photos, 0) AS jobs_with_photos,
               coalesce(js.jobs_in_progress, 0) AS jobs_in_progress,
               coalesce(js.jobs_last30_days, 0) AS jobs_last30_days, coalesce(js.jobs_last90_days, 0) AS jobs_last90_days,
               coalesce(rs.review_count, 0) AS review_count, rs.avg_overall, rs.avg_quality, rs.avg_communication,
               rs.avg_professionalism, rs.avg_timeliness,
               coalesce(bs.bids_placed, 0) AS bids_placed, coalesce(bs.bids_won, 0) AS bids_won, bs.average_bid,
               bs.average_bid_per_hour, coalesce(bs.bids_last30_days, 0) AS bids_last30_days,
               coalesce(e.total_earnings, 0) AS total_earnings, s.property_type AS primary_property_type,
               coalesce(eco.eco_share, 0) AS eco_share
        FROM c
        LEFT JOIN job_stats js ON js.cleaner_id = c.id
        LEFT JOIN review_stats rs ON rs.cleaner_id = c.id
        LEFT JOIN bid_stats bs ON bs.cleaner_id = c.id
        LEFT JOIN earnings e ON e.cleaner_id = c.id
        LEFT JOIN specialty s ON s.cleaner_id = c.id
        LEFT JOIN eco ON eco.cleaner_id = c.id
        """;

    private const string RefreshMarketSql = """
        INSERT INTO scoring.market_stats (id, bid_per_hour, computed_at)
        SELECT 1, avg(b.amount / j.estimated_hours)::double precision, now()
        FROM marketplace.bids b JOIN marketplace.jobs j ON j.id = b.job_id
        WHERE j.estimated_hours > 0
        ON CONFLICT (id) DO UPDATE SET bid_per_hour = EXCLUDED.bid_per_hour, computed_at = EXCLUDED.computed_at
        RETURNING bid_per_hour
        """;

    private const string StoredMarketSql = "SELECT bid_per_hour FROM scoring.market_stats WHERE id = 1";

    // Serialises recomputes of the same cleaner across consumers: the one that runs last, after the
    // other committed, sees every fact (READ COMMITTED takes a fresh snapshot per statement).
    private const string LockSql = "SELECT pg_advisory_xact_lock(7301, (id % 2147483647)::int) FROM unnest(@ids::bigint[]) AS id ORDER BY id";

    private const string UpsertSql = """
        INSERT INTO scoring.cleaner_scores AS s (
            cleaner_id, overall_score, quality_score, reliability_score, experience_score, bidding_score, activity_score,
            avg_overall_rating, quality_rating, communication_rating, professionalism_rating, timeliness_rating, review_count,
            completion_rate, on_time_rate, cancellation_rate, photo_rate, win_rate, average_bid, total_jobs, total_earnings,
            jobs_last_30_days, jobs_last_90_days, primary_property_type, eco_share, jobs_in_progress, is_active, as_of, computed_at)
        SELECT u.*, @asOf, now() FROM unnest(
            @CleanerId, @OverallScore, @QualityScore, @ReliabilityScore, @ExperienceScore, @BiddingScore, @ActivityScore,
            @AvgOverallRating, @QualityRating, @CommunicationRating, @ProfessionalismRating, @TimelinessRating, @ReviewCount,
            @CompletionRate, @OnTimeRate, @CancellationRate, @PhotoRate, @WinRate, @AverageBid, @TotalJobs, @TotalEarnings,
            @JobsLast30Days, @JobsLast90Days, @PrimaryPropertyType, @EcoShare, @JobsInProgress, @IsActive) AS u
        ON CONFLICT (cleaner_id) DO UPDATE SET
            overall_score = EXCLUDED.overall_score, quality_score = EXCLUDED.quality_score,
            reliability_score = EXCLUDED.reliability_score, experience_score = EXCLUDED.experience_score,
            bidding_score = EXCLUDED.bidding_score, activity_score = EXCLUDED.activity_score,
            avg_overall_rating = EXCLUDED.avg_overall_rating, quality_rating = EXCLUDED.quality_rating,
            communication_rating = EXCLUDED.communication_rating, professionalism_rating = EXCLUDED.professionalism_rating,
            timeliness_rating = EXCLUDED.timeliness_rating, review_count = EXCLUDED.review_count,
            completion_rate = EXCLUDED.completion_rate, on_time_rate = EXCLUDED.on_time_rate,
            cancellation_rate = EXCLUDED.cancellation_rate, photo_rate = EXCLUDED.photo_rate, win_rate = EXCLUDED.win_rate,
            average_bid = EXCLUDED.average_bid, total_jobs = EXCLUDED.total_jobs, total_earnings = EXCLUDED.total_earnings,
            jobs_last_30_days = EXCLUDED.jobs_last_30_days, jobs_last_90_days = EXCLUDED.jobs_last_90_days,
            primary_property_type = EXCLUDED.primary_property_type, eco_share = EXCLUDED.eco_share,
            jobs_in_progress = EXCLUDED.jobs_in_progress, is_active = EXCLUDED.is_active,
            as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at
        """;

    /// <summary>Recomputes the given cleaners (all when null) inside the caller's transaction; returns how many.</summary>
    public static async Task<int> RecomputeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[]? cleanerIds, DateTimeOffset asOf, CancellationToken ct)
    {
        if (cleanerIds is { Length: 0 })
            return 0;
        if (cleanerIds is not null)
            await connection.ExecuteAsync(new CommandDefinition(LockSql, new { ids = cleanerIds }, transaction, cancellationToken: ct));

        // The full pass refreshes the market level; a per-event pass uses the last one (aggregating every
        // bid on every event made ingestion quadratic).
        var marketBidPerHour = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            cleanerIds is null ? RefreshMarketSql : StoredMarketSql, transaction: transaction, cancellationToken: ct));
        var stats = await connection.QueryAsync<CleanerStats>(new CommandDefinition(StatsSql,
            new { ids = cleanerIds, asOf = asOf.UtcDateTime, grace = CleanerScoreCalculator.OnTimeGrace }, transaction, cancellationToken: ct));
        var scores = stats.Select(s => CleanerScoreCalculator.Compute(s, marketBidPerHour)).ToList();
        if (scores.Count == 0)
            return 0;
        await connection.ExecuteAsync(new CommandDefinition(UpsertSql, Columns(scores, asOf), transaction, cancellationToken: ct));
        return scores.Count;
    }

    private static DynamicParameters Columns(List<CleanerScore> s, DateTimeOffset asOf)
    {
        var p = new DynamicParameters();
        p.Add("asOf", asOf.UtcDateTime);
        p.Add("CleanerId", s.Select(x => x.CleanerId).ToArray());
        p.Add("OverallScore", s.Select(x => x.OverallScore).ToArray());
        p.Add("QualityScore", s.Select(x => x.QualityScore).ToArray());
        p.Add("ReliabilityScore", s.Select(x => x.ReliabilityScore).ToArray());
        p.Add("ExperienceScore", s.Select(x => x.ExperienceScore).ToArray());
        p.Add("BiddingScore", s.Select(x => x.BiddingScore).ToArray());
        p.Add("ActivityScore", s.Select(x => x.ActivityScore).ToArray());
        p.Add("AvgOverallRating", s.Select(x => x.AvgOverallRating).ToArray());
        p.Add("QualityRating", s.Select(x => x.QualityRating).ToArray());
        p.Add("CommunicationRating", s.Select(x => x.CommunicationRating).ToArray());
        p.Add("ProfessionalismRating", s.Select(x => x.ProfessionalismRating).ToArray());
        p.Add("TimelinessRating", s.Select(x => x.TimelinessRating).ToArray());
        p.Add("ReviewCount", s.Select(x => x.ReviewCount).ToArray());
        p.Add("CompletionRate", s.Select(x => x.CompletionRate).ToArray());
        p.Add("OnTimeRate", s.Select(x => x.OnTimeRate).ToArray());
        p.Add("CancellationRate", s.Select(x => x.CancellationRate).ToArray());
        p.Add("PhotoRate", s.Select(x => x.PhotoRate).ToArray());
        p.Add("WinRate", s.Select(x => x.WinRate).ToArray());
        p.Add("AverageBid", s.Select(x => x.AverageBid).ToArray());
        p.Add("TotalJobs", s.Select(x => x.TotalJobs).ToArray());
        p.Add("TotalEarnings", s.Select(x => x.TotalEarnings).ToArray());
        p.Add("JobsLast30Days", s.Select(x => x.JobsLast30Days).ToArray());
        p.Add("JobsLast90Days", s.Select(x => x.JobsLast90Days).ToArray());
        p.Add("PrimaryPropertyType", s.Select(x => x.PrimaryPropertyType).ToArray());
        p.Add("EcoShare", s.Select(x => x.EcoShare).ToArray());
        p.Add("JobsInProgress", s.Select(x => x.JobsInProgress).ToArray());
        p.Add("IsActive", s.Select(x => x.IsActive).ToArray());
        return p;
    }
}
