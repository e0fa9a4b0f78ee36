using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.FreelancerTrust;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>A trust graph's accuracy on labelled examples, fed as serving feeds it (its own spec's rows and threshold):
/// how a new version and the active one are compared on the same test rows.</summary>
public static class TrustOnnxAccuracy
{
    /// <exception cref="ArgumentException">The graph was trained on another encoder's vectors than these examples carry.</exception>
    public static double Measure(byte[] onnx, string specJson, TrustDataset data, IReadOnlyList<TrustExample> examples)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(examples);
        var spec = TrustFeatureSpec.Parse(specJson);
        if (spec.Encoder != data.Encoder || spec.TextDimensions != data.Dimensions)
            throw new ArgumentException($"The graph reads {spec.Encoder} ({spec.TextDimensions}-d); these examples carry {data.Encoder} ({data.Dimensions}-d).", nameof(specJson));
        if (examples.Count == 0) throw new ArgumentException("No examples to measure.", nameof(examples));
        var x = TrustTraining.Rows(examples, spec);
        using var session = OnnxSession.FromBytes(onnx);
        var scores = session.Run(spec.InputName, new OnnxTensor(x.Data, x.Dim(0), x.Dim(1)), [spec.OutputName])[0].Data;
        var correct = 0;
        for (var i = 0; i < examples.Count; i++)
            if (scores[i] >= spec.Threshold == examples[i].Trustworthy) correct++;
        return (double)correct / examples.Count;
    }
}
