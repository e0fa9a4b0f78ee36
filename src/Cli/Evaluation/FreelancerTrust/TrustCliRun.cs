using System.Diagnostics;
using System.Globalization;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.TextEncoding;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Cli.Evaluation.FreelancerTrust;

/// <summary>What evaluate-trust and train --kind freelancer-trust share: a labelled-profile file embedded by the MiniLM
/// encoder (cached beside the file, so a rerun skips the encoder), and one progress line per epoch on standard error.</summary>
public static class TrustCliRun
{
    /// <summary>The encoder the served spec records and the cache is keyed by.</summary>
    public static readonly string Encoder = new TrustFeatureSpec().Encoder;

    public static TrustDataset Load(string path, TextWriter log, int threads, CancellationToken ct)
    {
        var profiles = TrustProfileFile.Read(path);
        var cache = TrustEmbeddingCache.PathFor(path, Encoder);
        log.WriteLine($"{profiles.Count:N0} labelled profiles in {Path.GetFileName(path)}; embedding with {Encoder} on {threads} thread(s){(File.Exists(cache) ? " (cache found)" : "")}");
        using var embedder = new MiniLmEncoder();
        var clock = Stopwatch.StartNew();
        var data = TrustDataset.Build(profiles, embedder, Encoder, cache, threads, ct);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data.Examples.Count:N0} usable, {data.Rejected.Count:N0} refused; embeddings ready in {clock.Elapsed.TotalSeconds:F1} s"));
        return data;
    }

    public static IProgress<TrustProgress> Log(TextWriter log, int epochs) => new LineLog(log, epochs);

    private sealed class LineLog(TextWriter log, int epochs) : IProgress<TrustProgress>
    {
        public void Report(TrustProgress value)
        {
            var e = value.Epoch;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{value.Run}: epoch {e.Epoch}/{epochs} loss {e.Loss:F4} val {e.ValLoss:F4} lr {e.LearningRate:G3} {e.Elapsed.TotalSeconds:F2} s"));
        }
    }
}
