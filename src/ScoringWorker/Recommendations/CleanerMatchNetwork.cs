using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>One (job, cleaner) pair the network scores; <see cref="Bid"/> is the cleaner's bid on the job, if any.</summary>
public sealed record MatchPair(JobFacts Job, CleanerFacts Cleaner, decimal? Bid);

/// <summary>
/// Scores many pairs with the active cleaner-match version in one ONNX run. A pair whose client or cleaner the
/// version never saw is read from its content output only (cold start: its embeddings would be the untrained
/// "unknown" row).
/// </summary>
public sealed class CleanerMatchNetwork(ActiveModels models)
{
    /// <summary>The active version, or null when none is loaded.</summary>
    public LoadedModel? Active => models.Get(CleanerMatchKind.KindName);

    /// <summary>0-100 per pair, in order.</summary>
    /// <exception cref="OnnxRuntimeException">The graph refused the inputs.</exception>
    public static double[] Score(LoadedModel model, IReadOnlyList<MatchPair> pairs)
    {
        if (model.Features is not CleanerMatchSpec spec)
            throw new ArgumentException($"{model.Kind} v{model.Version} was loaded with a spec that is not a cleaner-match spec.");
        var n = pairs.Count;
        if (n == 0) return [];
        var clients = new long[n];
        var cleaners = new long[n];
        var types = new long[n];
        var features = new float[n * CleanerMatchFeatures.Count];
        for (var i = 0; i < n; i++)
        {
            var (job, cleaner, bid) = pairs[i];
            clients[i] = spec.ClientIndex(job.ClientId);
            cleaners[i] = spec.CleanerIndex(cleaner.CleanerId);
            types[i] = spec.PropertyTypeIndex(job.PropertyType);
            CleanerMatchFeatures.Write(job, cleaner, bid, features.AsSpan(i * CleanerMatchFeatures.Count, CleanerMatchFeatures.Count));
        }
        var outputs = model.Session.Run(new Dictionary<string, OnnxTensor>
        {
            [spec.ClientInput] = OnnxTensor.Int64(clients, n),
            [spec.CleanerInput] = OnnxTensor.Int64(cleaners, n),
            [spec.PropertyTypeInput] = OnnxTensor.Int64(types, n),
            [spec.InputName] = new OnnxTensor(features, n, CleanerMatchFeatures.Count),
        }, [spec.OutputName, spec.ContentOutput]);
        var hybrid = outputs[0].Data;
        var content = outputs[1].Data;
        if (hybrid.Length != n || content.Length != n)
            throw new ArgumentException($"{model.Kind} v{model.Version} answered {hybrid.Length} scores for {n} pairs.");
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            var known = clients[i] != CleanerMatchSpec.Unknown && cleaners[i] != CleanerMatchSpec.Unknown;
            var value = known ? hybrid[i] : content[i];
            if (!float.IsFinite(value))
                throw new ArgumentException($"{model.Kind} v{model.Version} answered a score that is not a number.");
            scores[i] = Math.Round(100 * (double)value, 2);
        }
        return scores;
    }
}
