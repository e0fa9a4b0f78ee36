namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// [batch, features] -> [batch, 1, features]: a feature vector as a one-step sequence, how seed 001 feeds its
/// 60 features to an LSTM (Keras' Reshape((1, 60))).
/// </summary>
public sealed class ToSequence(string name) : ILayer
{
    private int[]? _inputShape;

    public string Name { get; } = name;
    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 2) throw new ArgumentException($"{Name} expects [batch, features], got {input}.", nameof(input));
        _inputShape = input.Shape;
        return input.Clone().Reshape(input.Dim(0), 1, input.Dim(1));
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var shape = _inputShape ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        return outputGradient.Clone().Reshape(shape);
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var axes = export.Name(Name, "axes");
        var output = export.Name(Name, "output");
        export.Graph.AddInitializer(axes, new long[] { 1 }, 1).AddNode("Unsqueeze", [input, axes], [output]);
        return output;
    }
}
