using System.Numerics;
using System.Runtime.InteropServices;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>The element-wise activations the seeds use (Keras' names, ONNX's operators of the same names).</summary>
public enum ActivationKind
{
    Relu,
    Sigmoid,
    Softplus,
    Tanh,
}

/// <summary>An element-wise activation over a tensor of any shape, as Keras' <c>Activation</c> layer.</summary>
public sealed class Activation : ILayer
{
    private Tensor? _input;
    private Tensor? _output;

    public Activation(string name, ActivationKind kind)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation.");
        Name = name;
        Kind = kind;
    }

    public string Name { get; }
    public ActivationKind Kind { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank < 1) throw new ArgumentException($"{Name} expects a tensor with at least one axis, got {input}.", nameof(input));
        var output = Tensor.ZerosLike(input);
        var x = input.Data;
        var y = output.Data;
        switch (Kind)
        {
            case ActivationKind.Relu:
                Relu(x, x, y);
                break;
            case ActivationKind.Sigmoid:
                for (var i = 0; i < x.Length; i++) y[i] = Sigmoid(x[i]);
                break;
            case ActivationKind.Softplus:
                for (var i = 0; i < x.Length; i++) y[i] = Softplus(x[i]);
                break;
            case ActivationKind.Tanh:
                for (var i = 0; i < x.Length; i++) y[i] = MathF.Tanh(x[i]);
                break;
        }
        _input = input;
        _output = output;
        return output;
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        var output = _output!;
        if (outputGradient.Length != input.Length)
            throw new ArgumentException($"{Name} produced {output}, got a gradient {outputGradient}.", nameof(outputGradient));
        var inputGradient = Tensor.ZerosLike(input);
        var g = outputGradient.Data;
        var x = input.Data;
        var y = output.Data;
        var dx = inputGradient.Data;
        switch (Kind)
        {
            case ActivationKind.Relu:
                Relu(x, g, dx);
                break;
            case ActivationKind.Sigmoid:
                for (var i = 0; i < g.Length; i++) dx[i] = g[i] * y[i] * (1 - y[i]);
                break;
            case ActivationKind.Softplus:
                // softplus'(x) = sigmoid(x).
                for (var i = 0; i < g.Length; i++) dx[i] = g[i] * Sigmoid(x[i]);
                break;
            case ActivationKind.Tanh:
                for (var i = 0; i < g.Length; i++) dx[i] = g[i] * (1 - y[i] * y[i]);
                break;
        }
        return inputGradient;
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var output = export.Name(Name, "output");
        export.Graph.AddNode(Kind.ToString(), [input], [output]);
        return output;
    }

    /// <summary>result = x &gt; 0 ? value : 0, element by element (ReLU: value = x; its gradient: value = g), a vector at
    /// a time: random signs make the scalar branch mispredict half the time.</summary>
    private static void Relu(ReadOnlySpan<float> x, ReadOnlySpan<float> value, Span<float> result)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vs = MemoryMarshal.Cast<float, Vector<float>>(value);
            var rs = MemoryMarshal.Cast<float, Vector<float>>(result);
            for (var v = 0; v < xs.Length; v++)
                rs[v] = Vector.ConditionalSelect(Vector.GreaterThan(xs[v], Vector<float>.Zero), vs[v], Vector<float>.Zero);
            i = xs.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) result[i] = x[i] > 0 ? value[i] : 0;
    }

    /// <summary>1 / (1 + e^-x), written so neither branch overflows e^.</summary>
    public static float Sigmoid(float x)
    {
        if (x >= 0) return 1 / (1 + MathF.Exp(-x));
        var e = MathF.Exp(x);
        return e / (1 + e);
    }

    /// <summary>log(1 + e^x) as max(x, 0) + log(1 + e^-|x|): no overflow for large x, and for very negative x
    /// log(1 + e) ≈ e keeps the tiny value that 1 + e would round away.</summary>
    public static float Softplus(float x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return MathF.Max(x, 0) + (float)(e < 1e-8 ? e : Math.Log(1 + e));
    }
}
