using System.Numerics;
using System.Runtime.InteropServices;

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
        var (scale, rate) = ((float)(1 / (1 - Rate)), Rate);
        var mask = new float[input.Length];
        for (var i = 0; i < mask.Length; i++) mask[i] = training.NextDouble() >= rate ? scale : 0;
        var output = Tensor.ZerosLike(input);
        Multiply(input.Data, mask, output.Data);
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
        Multiply(outputGradient.Data, mask, inputGradient.Data);
        return inputGradient;
    }

    /// <summary>z = x · y element by element.</summary>
    private static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            var zs = MemoryMarshal.Cast<float, Vector<float>>(z);
            for (var v = 0; v < xs.Length; v++) zs[v] = xs[v] * ys[v];
            i = xs.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) z[i] = x[i] * y[i];
    }

    /// <summary>Inference is the identity; an Identity node keeps the layer's output a value of its own.</summary>
    public string ExportOnnx(OnnxExport export, string input)
    {
        var output = export.Name(Name, "output");
        export.Graph.AddNode("Identity", [input], [output]);
        return output;
    }
}
