using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// Scores pairs with the exported cleaner-match graph through ONNX Runtime, with the spec's ID mappings (index 0 =
/// unknown), exactly as a serving worker would: the evaluation measures the artifact that ships, not a copy of it.
/// </summary>
public sealed class CleanerMatchOnnxScorer(byte[] onnx, CleanerMatchSpec spec) : IDisposable
{
    private readonly OnnxSession _session = OnnxSession.FromBytes(onnx);

    public IReadOnlyList<CleanerMatchScores> Score(IReadOnlyList<CleanerMatchPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) return [];
        var n = pairs.Count;
        var clients = new long[n];
        var cleaners = new long[n];
        var types = new long[n];
        var features = new float[n * CleanerMatchFeatures.Count];
        for (var i = 0; i < n; i++)
        {
            clients[i] = spec.ClientIndex(pairs[i].ClientId);
            cleaners[i] = spec.CleanerIndex(pairs[i].CleanerId);
            types[i] = spec.PropertyTypeIndex(pairs[i].PropertyType);
            pairs[i].Features.CopyTo(features, i * CleanerMatchFeatures.Count);
        }
        var outputs = _session.Run(new Dictionary<string, OnnxTensor>
        {
            [spec.ClientInput] = OnnxTensor.Int64(clients, n),
            [spec.CleanerInput] = OnnxTensor.Int64(cleaners, n),
            [spec.PropertyTypeInput] = OnnxTensor.Int64(types, n),
            [spec.InputName] = new OnnxTensor(features, n, CleanerMatchFeatures.Count),
        }, [spec.OutputName, spec.CollaborativeOutput, spec.ContentOutput]);
        var result = new CleanerMatchScores[n];
        for (var i = 0; i < n; i++)
            result[i] = new CleanerMatchScores(outputs[0].Data[i], outputs[1].Data[i], outputs[2].Data[i],
                clients[i] != CleanerMatchSpec.Unknown && cleaners[i] != CleanerMatchSpec.Unknown);
        return result;
    }

    public void Dispose() => _session.Dispose();
}
