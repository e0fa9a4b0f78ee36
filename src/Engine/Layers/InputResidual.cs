namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// y = inner(x) + x[:, start..start+outputs]: the inner network learns a correction to values the input
/// already carries (the price model's group medians), so with little evidence it stays near them.
/// </summary>
public sealed class InputResidual : ILayer
{
    private readonly ILayer[] _inner;
    private int _inputWidth;

    public InputResidual(string name, int start, int outputs, params ILayer[] inner)
    {
        if (start < 0 || outputs < 1 || inner.Length == 0) throw new ArgumentException("InputResidual needs a start, an output count and layers.");
        Name = name;
        Start = start;
        Outputs = outputs;
        _inner = inner;
        Parameters = [.. inner.SelectMany(l => l.Parameters)];
    }

    public string Name { get; }
    public int Start { get; }
    public int Outputs { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 2 || input.Dim(1) < Start + Outputs)
            throw new ArgumentException($"{Name} expects [batch, >= {Start + Outputs}], got {input}.", nameof(input));
        _inputWidth = input.Dim(1);
        var y = input;
        foreach (var layer in _inner) y = layer.Forward(y, training);
        if (y.Rank != 2 || y.Dim(1) != Outputs) throw new InvalidOperationException($"{Name}: the inner layers return {y}, not [batch, {Outputs}].");
        var output = y.Clone();
        for (var i = 0; i < input.Dim(0); i++)
            for (var k = 0; k < Outputs; k++)
                output.Data[i * Outputs + k] += input.Data[i * _inputWidth + Start + k];
        return output;
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var g = outputGradient;
        for (var l = _inner.Length - 1; l >= 0; l--) g = _inner[l].Backward(g);
        var inputGradient = g.Clone();
        for (var i = 0; i < outputGradient.Dim(0); i++)
            for (var k = 0; k < Outputs; k++)
                inputGradient.Data[i * _inputWidth + Start + k] += outputGradient.Data[i * Outputs + k];
        return inputGradient;
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var value = input;
        foreach (var layer in _inner) value = layer.ExportOnnx(export, value);
        string starts = export.Name(Name, "starts"), ends = export.Name(Name, "ends"), axes = export.Name(Name, "axes");
        string carried = export.Name(Name, "carried"), output = export.Name(Name, "output");
        export.Graph
            .AddInitializer(starts, new long[] { Start }, 1)
            .AddInitializer(ends, new long[] { Start + Outputs }, 1)
            .AddInitializer(axes, new long[] { 1 }, 1)
            .AddNode("Slice", [input, starts, ends, axes], [carried])
            .AddNode("Add", [value, carried], [output]);
        return output;
    }
}
