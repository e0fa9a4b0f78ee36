using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>The ranked list for a job, with the mode used, the network version and any fallback.</summary>
public sealed record RankedCleaners(string RequestedMode, string Mode, int? ModelVersion, string? Fallback, IReadOnlyList<RecommendedCleaner> Recommendations);

/// <summary>The ranked list of open jobs for a cleaner, likewise.</summary>
public sealed record RankedJobs(string RequestedMode, string Mode, int? ModelVersion, string? Fallback, IReadOnlyList<RecommendedJob> Recommendations);

/// <summary>
/// Seed 004's recommendation engine in its three modes. The rule-based match filters (inactive, too far) in every
/// mode; the network then scores the remaining candidates in one run, and the list is ranked by the score of the
/// mode used. No active version, or a run that fails, falls back to rule_based and says so.
/// </summary>
public sealed class RecommendationEngine(CleanerMatchNetwork network, RecommendationOptions options, ILogger<RecommendationEngine> logger)
{
    public RankedCleaners RankCleaners(JobFacts job, IReadOnlyList<CleanerFacts> cleaners, IReadOnlyDictionary<long, decimal> bids,
        string? mode, int limit, double maxDistanceKm)
    {
        var candidates = cleaners
            .Select(c => (Cleaner: c, Match: CleanerMatchScorer.Score(job, c, maxDistanceKm)))
            .Where(x => x.Match is not null)
            .Select(x => (x.Cleaner, Match: x.Match!))
            .ToList();
        var neural = ScoreWithNetwork(mode, candidates.Select(x => new MatchPair(job, x.Cleaner, bids.TryGetValue(x.Cleaner.CleanerId, out var bid) ? bid : null)).ToList(),
            $"job {job.JobId}");
        var ranked = candidates
            .Select((x, i) => (x.Cleaner, x.Match, Neural: neural.Scores?[i], Score: Final(neural, x.Match.Score, neural.Scores?[i])))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Match.DistanceKm).ThenBy(x => x.Cleaner.CleanerId)
            .Take(limit)
            .Select((x, i) => new RecommendedCleaner
            {
                RecommendationId = NewId.NextGuid(),
                CleanerId = x.Cleaner.CleanerId,
                DisplayName = x.Cleaner.DisplayName,
                Rank = i + 1,
                Score = x.Score,
                RuleBasedScore = x.Match.Score,
                NeuralScore = x.Neural,
                DistanceKm = Math.Round(x.Match.DistanceKm, 2),
                Breakdown = x.Match.Breakdown,
                Reasoning = x.Match.Reasoning,
            })
            .ToList();
        return new RankedCleaners(neural.RequestedMode, neural.Mode, neural.ModelVersion, neural.Fallback, ranked);
    }

    /// <summary>The network scores (the job's client, this cleaner, the job): the cleaner has not bid on an open job yet.</summary>
    public RankedJobs RankJobs(CleanerFacts cleaner, IReadOnlyList<JobFacts> jobs, string? mode, int limit)
    {
        var candidates = jobs.Select(j => (Job: j, Match: JobMatchScorer.Score(j, cleaner))).ToList();
        var neural = ScoreWithNetwork(mode, candidates.Select(x => new MatchPair(x.Job, cleaner, null)).ToList(), $"cleaner {cleaner.CleanerId}");
        var ranked = candidates
            .Select((x, i) => (x.Job, x.Match, Neural: neural.Scores?[i], Score: Final(neural, x.Match.Score, neural.Scores?[i])))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Match.DistanceKm).ThenBy(x => x.Job.JobId)
            .Take(limit)
            .Select((x, i) => new RecommendedJob
            {
                RecommendationId = NewId.NextGuid(),
                JobId = x.Job.JobId,
                Rank = i + 1,
                Score = x.Score,
                RuleBasedScore = x.Match.Score,
                NeuralScore = x.Neural,
                DistanceKm = Math.Round(x.Match.DistanceKm, 2),
                Breakdown = x.Match.Breakdown,
                Reasoning = x.Match.Reasoning,
            })
            .ToList();
        return new RankedJobs(neural.RequestedMode, neural.Mode, neural.ModelVersion, neural.Fallback, ranked);
    }

    /// <summary>The mode a request gets: its own, or the configured default.</summary>
    public string Resolve(string? mode) => mode ?? options.DefaultMode;

    private double Final(NeuralScoresOutcome outcome, double ruleBased, double? neural) => (outcome.Mode, neural) switch
    {
        (RecommendationModes.Neural, { } n) => n,
        (RecommendationModes.Ensemble, { } n) => options.Blend(ruleBased, n),
        _ => ruleBased,
    };

    private NeuralScoresOutcome ScoreWithNetwork(string? mode, IReadOnlyList<MatchPair> pairs, string subject)
    {
        var requested = Resolve(mode);
        if (requested == RecommendationModes.RuleBased)
            return new NeuralScoresOutcome(requested, RecommendationModes.RuleBased, null, null, null);
        if (network.Active is not { } model)
        {
            logger.LogWarning("No active {Kind} version: {Mode} recommendations for {Subject} fall back to rule_based", CleanerMatchKind.KindName, requested, subject);
            return new NeuralScoresOutcome(requested, RecommendationModes.RuleBased, null, null, RecommendationFallbacks.NoActiveModel);
        }
        try
        {
            return new NeuralScoresOutcome(requested, requested, CleanerMatchNetwork.Score(model, pairs), model.Version, null);
        }
        catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
        {
            logger.LogError("{Kind} v{Version} failed scoring {Count} pairs for {Subject}, falling back to rule_based: {Reason}",
                model.Kind, model.Version, pairs.Count, subject, ex.Message);
            return new NeuralScoresOutcome(requested, RecommendationModes.RuleBased, null, model.Version, RecommendationFallbacks.ModelFailed);
        }
    }
}
