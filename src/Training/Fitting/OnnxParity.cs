using iAyos.Messaging.Engine;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Training.Fitting;

/// <summary>How far ONNX Runtime's output for an exported graph is from the engine's own forward pass on the same rows.</summary>
public static class OnnxParity
{
    public static double MaxDifference(byte[] onnx, string inputName, string outputName, Tensor x, Tensor expected)
    {
        using var session = OnnxSession.FromBytes(onnx);
        var actual = session.Run(inputName, new OnnxTensor(x.Data, x.Dim(0), x.Dim(1)), [outputName])[0].Data;
        double max = 0;
        for (var i = 0; i < actual.Length; i++) max = Math.Max(max, Math.Abs(actual[i] - expected.Data[i]));
        return max;
    }
}
