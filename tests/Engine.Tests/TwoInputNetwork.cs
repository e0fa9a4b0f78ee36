using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

/// <summary>A two-input model for the trainer's multi-input tests: y = towerA(a) + towerB(b), with dropout in tower A
/// so the per-epoch Random matters.</summary>
internal sealed class TwoInputNetwork : ITrainableNetwork
{
    private readonly Network _a;
    private readonly Network _b;

    public TwoInputNetwork(int initSeed, int aFeatures = 2, int bFeatures = 3)
    {
        var init = new Random(initSeed);
        _a = new Network(new Dense("a_hidden", aFeatures, 8, init), new Activation("a_tanh", ActivationKind.Tanh),
            new Dropout("a_dropout", 0.1), new Dense("a_out", 8, 1, init));
        _b = new Network(new Dense("b_out", bFeatures, 1, init));
        Parameters = [.. _a.Parameters, .. _b.Parameters];
        Weights = [.. _a.Weights, .. _b.Weights];
    }

    public IReadOnlyList<Parameter> Parameters { get; }
    public IReadOnlyList<NamedTensor> Weights { get; }

    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    public Tensor Forward(IReadOnlyList<Tensor> inputs, Random? training)
    {
        var a = _a.Forward(inputs[0], training);
        var b = _b.Forward(inputs[1], training);
        var y = Tensor.ZerosLike(a);
        for (var i = 0; i < y.Length; i++) y.Data[i] = a.Data[i] + b.Data[i];
        return y;
    }

    public void Backward(Tensor outputGradient)
    {
        _a.Backward(outputGradient);
        _b.Backward(outputGradient);
    }

    public float[][] GetWeights() => [.. Weights.Select(w => (float[])w.Value.Data.Clone())];

    /// <summary>y = sin(2·a0) + a1 + 2·b0 − b1 + 0.5·b2: tower A must learn the a part and tower B the b part, which it can
    /// only do when every mini-batch takes the same rows from both inputs.</summary>
    public static (Tensor[] Inputs, Tensor Y) Data(int rows, int seed)
    {
        var a = GradientCheck.Random(seed, 1, rows, 2);
        var b = GradientCheck.Random(seed + 1000, 1, rows, 3);
        var y = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
            y.Data[r] = MathF.Sin(2 * a.Data[r * 2]) + a.Data[r * 2 + 1] + 2 * b.Data[r * 3] - b.Data[r * 3 + 1] + 0.5f * b.Data[r * 3 + 2];
        return ([a, b], y);
    }
}
