using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>
/// Sentence embeddings of many texts, computed in parallel chunks and kept in a file keyed by a hash of the encoder's
/// name and the text, so retraining or evaluating the same dataset reads them back instead of re-running the encoder
/// (all-MiniLM-L6-v2 costs ~26 ms a profile a core: ~150 s for 6,000). A text edited in the dataset gets a new key.
/// </summary>
public static class TrustEmbeddingCache
{
    /// <summary>Texts per encoder call: the MiniLM encoder's own batch.</summary>
    public const int ChunkSize = 32;

    private const int Magic = 0x54525354; // "TRST"

    /// <summary>The cache file beside a dataset, one per encoder.</summary>
    public static string PathFor(string datasetPath, string encoderName)
    {
        var safe = new string([.. encoderName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
        return $"{datasetPath}.{safe}.embeddings";
    }

    /// <summary>One vector per text, in order; those missing from <paramref name="cachePath"/> are encoded (in chunks on
    /// <paramref name="threads"/> threads) and the cache rewritten. A cache that cannot be read or written is ignored.</summary>
    public static float[][] Embed(IReadOnlyList<string> texts, ITextEmbedder embedder, string encoderName, string? cachePath, int threads = 2,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var keys = texts.Select(t => Key(encoderName, t)).ToArray();
        var cached = cachePath is null ? [] : Load(cachePath, embedder.Dimensions);
        var missing = Enumerable.Range(0, texts.Count).Where(i => !cached.ContainsKey(keys[i])).Select(i => keys[i]).Distinct().ToList();
        var textOf = new Dictionary<string, string>();
        for (var i = 0; i < texts.Count; i++) textOf.TryAdd(keys[i], texts[i]);

        var computed = new ConcurrentDictionary<string, float[]>();
        var chunks = missing.Chunk(ChunkSize).ToList();
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, chunk =>
        {
            var vectors = embedder.Embed([.. chunk.Select(k => textOf[k])]);
            if (vectors.Length != chunk.Length) throw new InvalidOperationException($"The encoder gave {vectors.Length} vectors for {chunk.Length} texts.");
            for (var i = 0; i < chunk.Length; i++)
            {
                if (vectors[i].Length != embedder.Dimensions)
                    throw new InvalidOperationException($"The encoder gave a {vectors[i].Length}-d vector; it declares {embedder.Dimensions}.");
                computed[chunk[i]] = vectors[i];
            }
        });
        foreach (var (key, vector) in computed) cached[key] = vector;
        if (cachePath is not null && !computed.IsEmpty) Save(cachePath, embedder.Dimensions, cached);
        return [.. keys.Select(k => cached[k])];
    }

    /// <summary>SHA-256 of the encoder's name and the text, hex.</summary>
    public static string Key(string encoderName, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(encoderName + "\n" + text)));

    private static Dictionary<string, float[]> Load(string path, int dimensions)
    {
        var entries = new Dictionary<string, float[]>();
        if (!File.Exists(path)) return entries;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != dimensions) return entries;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = Convert.ToHexStringLower(reader.ReadBytes(32));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++) vector[d] = reader.ReadSingle();
                entries[key] = vector;
            }
            return entries;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void Save(string path, int dimensions, Dictionary<string, float[]> entries)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(Magic);
                writer.Write(dimensions);
                writer.Write(entries.Count);
                foreach (var (key, vector) in entries)
                {
                    writer.Write(Convert.FromHexString(key));
                    foreach (var v in vector) writer.Write(v);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only data directory only costs the next run the encoding time.
        }
    }
}
