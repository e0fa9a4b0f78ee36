using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// y = x · W + b over the last axis (so [batch, in] -> [batch, units] and [batch, time, in] -> [batch, time,
/// units], as Keras' Dense). Linear; activations are layers of their own. W is [in, units] as in Keras.
/// </summary>
public sealed class Dense : ILayer
{
    private Tensor? _input;

    public Dense(string name, int inputs, int units, Random init)
    {
        if (inputs <= 0 || units <= 0) throw new ArgumentOutOfRangeException(nameof(units), "Dense needs positive input and unit counts.");
        Name = name;
        Inputs = inputs;
        Units = units;
        Kernel = new Parameter($"{name}/kernel", Initializers.GlorotUniform(init, inputs, units, inputs, units), isKernel: true);
        Bias = new Parameter($"{name}/bias", Tensor.Zeros(units), isKernel: false);
        Parameters = [Kernel, Bias];
    }

    public string Name { get; }
    public int Inputs { get; }
    public int Units { get; }
    public Parameter Kernel { get; }
    public Parameter Bias { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank < 2 || input.Dim(-1) != Inputs)
            throw new ArgumentException($"{Name} expects [..., {Inputs}], got {input}.", nameof(input));
        _input = input;
        var rows = input.Length / Inputs;
        var outputShape = (int[])input.Shape.Clone();
        outputShape[^1] = Units;
        var output = Tensor.Zeros(outputShape);
        for (var r = 0; r < rows; r++)
            Bias.Value.Data.CopyTo(output.Data, r * Units);
        MatrixMath.MatMul(input.Data, 0, Kernel.Value.Data, 0, output.Data, 0, rows, Inputs, Units, accumulate: true);
        return output;
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        var rows = input.Length / Inputs;
        MatrixMath.MatMulTransposeA(input.Data, 0, outputGradient.Data, 0, Kernel.Grad.Data, 0, Inputs, rows, Units, accumulate: true);
        var biasGrad = Bias.Grad.Data;
        for (var r = 0; r < rows; r++)
            MatrixMath.MultiplyAdd(1f, outputGradient.Data.AsSpan(r * Units, Units), biasGrad);
        var inputGradient = Tensor.ZerosLike(input);
        MatrixMath.MatMulTransposeB(outputGradient.Data, 0, Kernel.Value.Data, 0, inputGradient.Data, 0, rows, Units, Inputs, accumulate: false);
        return inputGradient;
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var kernel = export.Name(Name, "kernel");
        var bias = export.Name(Name, "bias");
        var product = export.Name(Name, "matmul");
        var output = export.Name(Name, "output");
        export.Graph
            .AddInitializer(kernel, Kernel.Value.Data, Inputs, Units)
            .AddInitializer(bias, Bias.Value.Data, Units)
            .AddNode("MatMul", [input, kernel], [product])
            .AddNode("Add", [product, bias], [output]);
        return output;
    }
}
