using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>
/// Bid suggestions in the three modes: neural and ensemble take min/optimal/max from the active cleaning-bid
/// version (its outputs x amount_scale EUR, ordered, to the cent); rule_based, no active version or a failed run
/// take them from the rule-based <see cref="BidSuggester"/>, and the answer says which.
/// </summary>
public sealed class BidSuggestionEngine(ActiveModels models, RecommendationEngine engine, ILogger<BidSuggestionEngine> logger)
{
    public BidSuggestionResult Suggest(JobFacts job, CleanerFacts cleaner, decimal? marketAveragePerHour, string? mode)
    {
        var requested = engine.Resolve(mode);
        var rules = BidSuggester.Suggest(job, cleaner, marketAveragePerHour);
        var result = new BidSuggestionResult
        {
            SuggestionId = NewId.NextGuid(),
            JobId = job.JobId,
            CleanerId = cleaner.CleanerId,
            MinBid = rules.MinBid,
            OptimalBid = rules.OptimalBid,
            MaxBid = rules.MaxBid,
            Mode = RecommendationModes.RuleBased,
            RequestedMode = requested,
            Inputs = rules.Inputs,
            Reasoning = rules.Reasoning,
        };
        if (requested == RecommendationModes.RuleBased)
            return result;
        if (models.Get(CleaningBidKind.KindName) is not { } model)
        {
            logger.LogWarning("No active {Kind} version: the {Mode} bid suggestion for job {JobId} falls back to rule_based", CleaningBidKind.KindName, requested, job.JobId);
            return result with { Fallback = RecommendationFallbacks.NoActiveModel };
        }
        try
        {
            var (min, optimal, max) = Run(model, BidFeatures.Row(job, cleaner, marketAveragePerHour));
            return result with
            {
                MinBid = min,
                OptimalBid = optimal,
                MaxBid = max,
                Mode = requested,
                ModelVersion = model.Version,
                Reasoning = [$"Amounts from the bid model v{model.Version}, trained on the marketplace's accepted bids."],
            };
        }
        catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
        {
            logger.LogError("{Kind} v{Version} failed on job {JobId}, falling back to rule_based: {Reason}", model.Kind, model.Version, job.JobId, ex.Message);
            return result with { ModelVersion = model.Version, Fallback = RecommendationFallbacks.ModelFailed };
        }
    }

    private static (decimal Min, decimal Optimal, decimal Max) Run(LoadedModel model, float[] row)
    {
        if (model.Features is not BidModelSpec spec)
            throw new ArgumentException($"{model.Kind} v{model.Version} was loaded with a spec that is not a cleaning-bid spec.");
        var output = model.Session.Run(spec.InputName, new OnnxTensor(row, 1, row.Length), [spec.OutputName])[0].Data;
        if (output.Length != 3 || output.Any(v => !float.IsFinite(v)))
            throw new ArgumentException($"{model.Kind} v{model.Version} answered {output.Length} values, not three amounts.");
        // Ordered by construction in the graph; sorted here as well, so the contract holds whatever a version does.
        var amounts = output.Select(v => Math.Round((decimal)Math.Max(0, v * spec.AmountScale), 2)).Order().ToArray();
        return (amounts[0], amounts[1], amounts[2]);
    }
}
