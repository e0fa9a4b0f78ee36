using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// The mean over time, as Keras' <c>GlobalAveragePooling1D</c> (torch's adaptive average pooling to one step):
/// [batch, time, channels] -> [batch, channels].
/// </summary>
public sealed class GlobalAveragePooling1D(string name) : ILayer
{
    private int[]? _inputShape;

    public string Name { get; } = name;
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 3 || input.Dim(1) == 0)
            throw new ArgumentException($"{Name} expects [batch, time, channels] with at least one step, got {input}.", nameof(input));
        int batch = input.Dim(0), time = input.Dim(1), channels = input.Dim(2);
        var output = Tensor.Zeros(batch, channels);
        for (var b = 0; b < batch; b++)
        {
            var row = output.Data.AsSpan(b * channels, channels);
            for (var t = 0; t < time; t++)
                MatrixMath.MultiplyAdd(1f, input.Data.AsSpan((b * time + t) * channels, channels), row);
            MatrixMath.Divide(row, time);
        }
        _inputShape = input.Shape;
        return output;
    }

    /// <summary>Every step receives its channel's gradient divided by the number of steps.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var shape = _inputShape ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        int batch = shape[0], time = shape[1], channels = shape[2];
        if (outputGradient.Length != batch * channels)
            throw new ArgumentException($"{Name} produced [{batch}, {channels}], got a gradient {outputGradient}.", nameof(outputGradient));
        var inputGradient = Tensor.Zeros(shape);
        var scale = 1f / time;
        for (var b = 0; b < batch; b++)
        {
            var g = outputGradient.Data.AsSpan(b * channels, channels);
            for (var t = 0; t < time; t++)
                MatrixMath.MultiplyAdd(scale, g, inputGradient.Data.AsSpan((b * time + t) * channels, channels));
        }
        return inputGradient;
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var output = export.Name(Name, "output");
        export.Graph.AddNode("ReduceMean", [input], [output], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0));
        return output;
    }
}
