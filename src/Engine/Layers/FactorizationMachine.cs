using System.Numerics;
using System.Runtime.InteropServices;
using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// The second-order term of a factorization machine over field embeddings (Rendle's O(fields·factors) form):
/// [batch, fields, factors] -> [batch, 1], y = ½ Σ_k ((Σ_f v_fk)² − Σ_f v_fk²), the sum of the pairwise dot
/// products of the fields' vectors. No parameters: the embeddings before it are the factors, and the
/// first-order (linear) term is a layer of its own.
/// </summary>
public sealed class FactorizationMachine : ILayer
{
    private Tensor? _input;
    private float[]? _fieldSums; // [batch, factors]: Σ_f v, kept for the backward pass

    public FactorizationMachine(string name, int fields, int factors)
    {
        if (fields <= 0 || factors <= 0) throw new ArgumentOutOfRangeException(nameof(factors), "FactorizationMachine needs positive field and factor counts.");
        Name = name;
        Fields = fields;
        Factors = factors;
    }

    public string Name { get; }
    public int Fields { get; }
    public int Factors { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 3 || input.Dim(1) != Fields || input.Dim(2) != Factors)
            throw new ArgumentException($"{Name} expects [batch, {Fields}, {Factors}], got {input}.", nameof(input));
        var batch = input.Dim(0);
        var sums = new float[batch * Factors];
        var output = Tensor.Zeros(batch, 1);
        var x = input.Data;
        for (var b = 0; b < batch; b++)
        {
            var sum = sums.AsSpan(b * Factors, Factors);
            double squares = 0;
            for (var f = 0; f < Fields; f++)
            {
                var v = x.AsSpan((b * Fields + f) * Factors, Factors);
                MatrixMath.MultiplyAdd(1f, v, sum);
                squares += MatrixMath.Dot(v, v);
            }
            output.Data[b] = (float)(0.5 * (MatrixMath.Dot(sum, sum) - squares));
        }
        _input = input;
        _fieldSums = sums;
        return output;
    }

    /// <summary>∂y/∂v_fk = Σ_f' v_f'k − v_fk.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        var batch = input.Dim(0);
        if (outputGradient.Length != batch)
            throw new ArgumentException($"{Name} produced [{batch}, 1], got a gradient {outputGradient}.", nameof(outputGradient));
        var sums = _fieldSums!;
        var inputGradient = Tensor.ZerosLike(input);
        var x = input.Data;
        var dx = inputGradient.Data;
        for (var b = 0; b < batch; b++)
        {
            var g = outputGradient.Data[b];
            var sum = sums.AsSpan(b * Factors, Factors);
            for (var f = 0; f < Fields; f++)
            {
                var row = (b * Fields + f) * Factors;
                ScaledDifference(g, sum, x.AsSpan(row, Factors), dx.AsSpan(row, Factors));
            }
        }
        return inputGradient;
    }

    /// <summary>dx = g · (sum − x) element by element.</summary>
    private static void ScaledDifference(float g, ReadOnlySpan<float> sum, ReadOnlySpan<float> x, Span<float> dx)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var ss = MemoryMarshal.Cast<float, Vector<float>>(sum);
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ds = MemoryMarshal.Cast<float, Vector<float>>(dx);
            var vg = new Vector<float>(g);
            for (var v = 0; v < xs.Length; v++) ds[v] = vg * (ss[v] - xs[v]);
            k = xs.Length * Vector<float>.Count;
        }
        for (; k < x.Length; k++) dx[k] = g * (sum[k] - x[k]);
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var axis1 = export.Name(Name, "axis_1"); // fields in the input, factors once fields are summed away
        var half = export.Name(Name, "half");
        var sum = export.Name(Name, "sum");
        var sumSquared = export.Name(Name, "sum_squared");
        var squares = export.Name(Name, "squares");
        var sumOfSquares = export.Name(Name, "sum_of_squares");
        var difference = export.Name(Name, "difference");
        var total = export.Name(Name, "total");
        var output = export.Name(Name, "output");
        var keep = OnnxAttribute.Int("keepdims", 0);
        export.Graph
            .AddInitializer(axis1, new long[] { 1 }, 1)
            .AddInitializer(half, new[] { 0.5f }, 1)
            .AddNode("ReduceSum", [input, axis1], [sum], keep)                  // [batch, factors]
            .AddNode("Mul", [sum, sum], [sumSquared])
            .AddNode("Mul", [input, input], [squares])                             // [batch, fields, factors]
            .AddNode("ReduceSum", [squares, axis1], [sumOfSquares], keep)      // [batch, factors]
            .AddNode("Sub", [sumSquared, sumOfSquares], [difference])
            .AddNode("ReduceSum", [difference, axis1], [total], OnnxAttribute.Int("keepdims", 1)) // [batch, 1]
            .AddNode("Mul", [total, half], [output]);
        return output;
    }
}
