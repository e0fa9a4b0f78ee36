namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// Inverted dropout, as Keras' <c>Dropout</c>: while training each element is zeroed with probability
/// <see cref="Rate"/> and the survivors are scaled by 1 / (1 − rate), so inference is the identity.
/// </summary>
public sealed class Dropout : ILayer
{
    private float[]? _mask; // null: the last forward was inference (the identity)
    private int _length = -1;

    public Dropout(string name, double rate)
    {
        if (!(rate >= 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "Dropout rate must be in [0, 1).");
        Name = name;
        Rate = rate;
    }

    public string Name { get; }
    public double Rate { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank < 1) throw new ArgumentException($"{Name} expects a tensor with at least one axis, got {input}.", nameof(input));
        _length = input.Length;
        if (training is null || Rate == 0)
        {
            _mask = null;
            return input.Clone();
        }
        var scale = (float)(1 / (1 - Rate));
        var mask = new float[input.Length];
        var output = Tensor.ZerosLike(input);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = training.NextDouble() >= Rate ? scale : 0;
            output.Data[i] = input.Data[i] * mask[i];
        }
        _mask = mask;
        return output;
    }

    public Tensor Backward(Tensor outputGradient)
    {
        if (_length < 0) throw new InvalidOperationException($"{Name}: Backward before Forward.");
        if (outputGradient.Length != _length)
            throw new ArgumentException($"{Name} produced {_length} values, got a gradient {outputGradient}.", nameof(outputGradient));
        if (_mask is not { } mask) return outputGradient.Clone();
        var inputGradient = Tensor.ZerosLike(outputGradient);
        for (var i = 0; i < mask.Length; i++) inputGradient.Data[i] = outputGradient.Data[i] * mask[i];
        return inputGradient;
    }

    /// <summary>Inference is the identity; an Identity node keeps the layer's output a value of its own.</summary>
    public string ExportOnnx(OnnxExport export, string input)
    {
        var output = export.Name(Name, "output");
        export.Graph.AddNode("Identity", [input], [output]);
        return output;
    }
}
