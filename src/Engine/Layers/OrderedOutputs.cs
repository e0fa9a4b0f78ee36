using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// Turns [batch, k] raw values into k positive, non-decreasing outputs: column 0 is softplus(raw₀) and column j
/// adds softplus(rawⱼ) to column j − 1 (a running sum of softplus). With k = 3 that is [min, optimal, max] with
/// 0 &lt; min ≤ optimal ≤ max by construction, as seed 004's bid model requires, whatever the weights.
/// </summary>
public sealed class OrderedOutputs : ILayer
{
    private Tensor? _input;

    public OrderedOutputs(string name, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Name = name;
        Outputs = outputs;
    }

    public string Name { get; }
    public int Outputs { get; }
    public IReadOnlyList<Parameter> Parameters => [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 2 || input.Dim(1) != Outputs)
            throw new ArgumentException($"{Name} expects [batch, {Outputs}], got {input}.", nameof(input));
        var output = Tensor.ZerosLike(input);
        for (var r = 0; r < input.Dim(0); r++)
        {
            var offset = r * Outputs;
            var sum = 0f;
            for (var j = 0; j < Outputs; j++)
            {
                sum += Activation.Softplus(input.Data[offset + j]);
                output.Data[offset + j] = sum;
            }
        }
        _input = input;
        return output;
    }

    /// <summary>Output j depends on raw i ≤ j through softplus'(rawᵢ) = sigmoid(rawᵢ), so raw i's gradient is
    /// sigmoid(rawᵢ) times the sum of the output gradients from column i on.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        if (outputGradient.Length != input.Length)
            throw new ArgumentException($"{Name} produced {input}, got a gradient {outputGradient}.", nameof(outputGradient));
        var inputGradient = Tensor.ZerosLike(input);
        for (var r = 0; r < input.Dim(0); r++)
        {
            var offset = r * Outputs;
            var suffix = 0f;
            for (var j = Outputs - 1; j >= 0; j--)
            {
                suffix += outputGradient.Data[offset + j];
                inputGradient.Data[offset + j] = suffix * Activation.Sigmoid(input.Data[offset + j]);
            }
        }
        return inputGradient;
    }

    /// <summary>Softplus, then CumSum along the outputs axis.</summary>
    public string ExportOnnx(OnnxExport export, string input)
    {
        var softplus = export.Name(Name, "softplus");
        var axis = export.Name(Name, "axis");
        var output = export.Name(Name, "output");
        export.Graph
            .AddInitializer(axis, [1L])
            .AddNode("Softplus", [input], [softplus])
            .AddNode("CumSum", [softplus, axis], [output]);
        return output;
    }
}
