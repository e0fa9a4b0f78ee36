using iAyos.Messaging.Engine;

namespace iAyos.Messaging.Engine.Tests;

/// <summary>Inverted dropout for the trainer's tests: masks drawn from the training Random, identity at inference.</summary>
internal sealed class TestDropout(string name, double rate) : ILayer
{
    private float[]? _mask;

    public string Name { get; } = name;
    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (training is null)
        {
            _mask = null;
            return input;
        }
        _mask = new float[input.Length];
        var output = Tensor.ZerosLike(input);
        for (var i = 0; i < input.Length; i++)
        {
            _mask[i] = training.NextDouble() < rate ? 0 : (float)(1 / (1 - rate));
            output.Data[i] = input.Data[i] * _mask[i];
        }
        return output;
    }

    public Tensor Backward(Tensor outputGradient)
    {
        if (_mask is null) return outputGradient;
        var g = Tensor.ZerosLike(outputGradient);
        for (var i = 0; i < g.Length; i++) g.Data[i] = outputGradient.Data[i] * _mask[i];
        return g;
    }

    public string ExportOnnx(OnnxExport export, string input) => input;
}

/// <summary>Identity that runs a callback on every training forward pass (counting batches, cancelling mid-epoch).</summary>
internal sealed class ProbeLayer(Action<int> onTrainingForward) : ILayer
{
    public int TrainingForwards { get; private set; }
    public string Name => "probe";
    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (training is not null) onTrainingForward(++TrainingForwards);
        return input;
    }

    public Tensor Backward(Tensor outputGradient) => outputGradient;
    public string ExportOnnx(OnnxExport export, string input) => input;
}

/// <summary>Identity that counts the rows it has seen in training mode, as state (like BatchNorm's moving statistics).</summary>
internal sealed class RowCounter(string name) : ILayer, IHasState
{
    private readonly Tensor _seen = Tensor.Zeros(1);

    public string Name { get; } = name;
    public IReadOnlyList<Parameter> Parameters { get; } = [];
    public IReadOnlyList<Tensor> State => [_seen];
    public float Seen => _seen.Data[0];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (training is not null) _seen.Data[0] += input.Dim(0);
        return input;
    }

    public Tensor Backward(Tensor outputGradient) => outputGradient;
    public string ExportOnnx(OnnxExport export, string input) => input;
}
