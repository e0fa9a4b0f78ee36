using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class BatchNormalizationTests
{
    /// <summary>Non-trivial γ, β and running statistics, so no term of the gradient can hide behind a 1 or a 0.</summary>
    private static BatchNormalization Prepared(int features)
    {
        var bn = new BatchNormalization("bn", features);
        var random = new Random(5);
        for (var f = 0; f < features; f++)
        {
            bn.Gamma.Value.Data[f] = (float)(0.5 + random.NextDouble());
            bn.Beta.Value.Data[f] = (float)(random.NextDouble() - 0.5);
            bn.RunningMean.Data[f] = (float)(random.NextDouble() - 0.5);
            bn.RunningVariance.Data[f] = (float)(0.5 + random.NextDouble());
        }
        return bn;
    }

    [Theory]
    [InlineData(new[] { 6, 3 }, 1)]
    [InlineData(new[] { 2, 3, 3 }, 1)]
    [InlineData(new[] { 6, 3 }, null)]
    [InlineData(new[] { 2, 3, 3 }, null)]
    public void Backward_matches_finite_differences(int[] shape, int? trainingSeed)
    {
        var results = GradientCheck.Check(Prepared(3), GradientCheck.Random(2, 2, shape), training: trainingSeed);

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Fact]
    public void Training_normalizes_with_the_batch_statistics()
    {
        // Feature 0: 1, 5 (mean 3, variance 4); feature 1: 2, 2 (mean 2, variance 0).
        var bn = new BatchNormalization("bn", 2);
        bn.Gamma.Value.Data[0] = 2;
        bn.Beta.Value.Data[0] = 0.5f;

        var y = bn.Forward(new Tensor([1, 2, 5, 2], 2, 2), new Random(1));

        var z = 2 / MathF.Sqrt(4.001f);
        Assert.Equal(0.5f - 2 * z, y.Data[0], 1e-6f);
        Assert.Equal(0.5f + 2 * z, y.Data[2], 1e-6f);
        Assert.Equal(0f, y.Data[1]);
        Assert.Equal(0f, y.Data[3]);
    }

    [Fact]
    public void Each_training_pass_moves_the_running_statistics_by_one_hundredth()
    {
        var bn = new BatchNormalization("bn", 2);
        var x = new Tensor([1, 2, 5, 2], 2, 2);

        bn.Forward(x, new Random(1));

        Assert.Equal([0.03f, 0.02f], bn.RunningMean.Data);
        Assert.Equal(0.99f + 0.04f, bn.RunningVariance.Data[0], 1e-6f); // biased batch variance, as Keras
        Assert.Equal(0.99f, bn.RunningVariance.Data[1], 1e-6f);

        bn.Forward(x, new Random(1));
        Assert.Equal(0.99f * 0.03f + 0.03f, bn.RunningMean.Data[0], 1e-6f);

        bn.Forward(x, null);
        Assert.Equal(0.99f * 0.03f + 0.03f, bn.RunningMean.Data[0], 1e-6f); // inference leaves them be
    }

    [Fact]
    public void Inference_uses_the_running_statistics()
    {
        var bn = new BatchNormalization("bn", 1);
        bn.Gamma.Value.Data[0] = 3;
        bn.Beta.Value.Data[0] = 1;
        bn.RunningMean.Data[0] = 2;
        bn.RunningVariance.Data[0] = 0.999f; // + ε = 1

        var y = bn.Forward(new Tensor([2, 4, 0], 3, 1), null);

        Assert.Equal(1f, y.Data[0], 1e-5f);
        Assert.Equal(7f, y.Data[1], 1e-5f);
        Assert.Equal(-5f, y.Data[2], 1e-5f);
    }

    [Fact]
    public void Running_statistics_are_state_not_parameters()
    {
        var bn = new BatchNormalization("bn", 4);

        Assert.Equal(["bn/gamma", "bn/beta"], bn.Parameters.Select(p => p.Name));
        Assert.All(bn.Parameters, p => Assert.False(p.IsKernel));
        Assert.Equal(new float[4], bn.RunningMean.Data);
        Assert.Equal([1f, 1, 1, 1], bn.RunningVariance.Data);
    }

    [Fact]
    public void Running_statistics_travel_with_the_network_weights()
    {
        var trained = new Network(Prepared(3));
        var fresh = new Network(new BatchNormalization("bn", 3));

        fresh.SetWeights(trained.GetWeights());

        var x = GradientCheck.Random(4, 1, 2, 3);
        Assert.Equal(trained.Predict(x).Data, fresh.Predict(x).Data);
    }

    [Theory]
    [InlineData(new[] { 1, 4 })]
    [InlineData(new[] { 3, 4 })]
    [InlineData(new[] { 1, 2, 4 })]
    [InlineData(new[] { 3, 2, 4 })]
    public void Onnx_export_matches_forward(int[] shape) =>
        OnnxParity.AssertMatches(Prepared(4), GradientCheck.Random(3, 2, shape));

    [Fact]
    public void Wrong_input_shapes_are_refused()
    {
        var bn = new BatchNormalization("bn", 4);

        Assert.Contains("[..., 4]", Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros(2, 3), null)).Message);
        Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros(4), null));
        Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros(0, 4), new Random(1)));
        bn.Forward(Tensor.Zeros(2, 4), null);
        Assert.Throws<ArgumentException>(() => bn.Backward(Tensor.Zeros(3, 4)));
    }
}
