namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// [batch, steps·width] -> [batch, steps, width]: a flat row cut into a sequence of equal steps, row-major, so a caller
/// that can only send a matrix (serving sends [batch, features]) feeds an LSTM several timesteps. Seed 003 sends the
/// text embedding and the padded indicators side by side as one row of 2·384 and reads them as two steps of 384.
/// </summary>
public sealed class ToSteps : ILayer
{
    private int[]? _inputShape;

    public ToSteps(string name, int steps, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Name = name;
        Steps = steps;
        Width = width;
    }

    public string Name { get; }
    public int Steps { get; }
    public int Width { get; }
    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 2 || input.Dim(1) != Steps * Width)
            throw new ArgumentException($"{Name} expects [batch, {Steps * Width}] ({Steps} steps of {Width}), got {input}.", nameof(input));
        _inputShape = input.Shape;
        return input.Clone().Reshape(input.Dim(0), Steps, Width);
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var shape = _inputShape ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        if (outputGradient.Length != shape[0] * shape[1])
            throw new ArgumentException($"{Name} produced [{shape[0]}, {Steps}, {Width}], got a gradient {outputGradient}.", nameof(outputGradient));
        return outputGradient.Clone().Reshape(shape);
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var shape = export.Name(Name, "shape");
        var output = export.Name(Name, "output");
        // -1 keeps the batch dynamic; the row's length fixes it.
        export.Graph.AddInitializer(shape, new long[] { -1, Steps, Width }, 3).AddNode("Reshape", [input, shape], [output]);
        return output;
    }
}
