using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>[batch, d1, d2, ...] -> [batch, d1·d2·...], row-major as Keras' <c>Flatten</c> (channels-last).</summary>
public sealed class Flatten(string name) : ILayer
{
    private int[]? _inputShape;

    public string Name { get; } = name;
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank < 2) throw new ArgumentException($"{Name} expects [batch, ...], got {input}.", nameof(input));
        _inputShape = input.Shape;
        var batch = input.Dim(0);
        return input.Clone().Reshape(batch, batch == 0 ? 0 : input.Length / batch);
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var shape = _inputShape ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        var length = shape.Aggregate(1L, (a, d) => a * d);
        if (outputGradient.Length != length)
            throw new ArgumentException($"{Name} produced {length} values, got a gradient {outputGradient}.", nameof(outputGradient));
        return outputGradient.Clone().Reshape(shape);
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var output = export.Name(Name, "output");
        export.Graph.AddNode("Flatten", [input], [output], OnnxAttribute.Int("axis", 1));
        return output;
    }
}
