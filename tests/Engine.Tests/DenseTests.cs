using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class DenseTests
{
    [Theory]
    [InlineData(new[] { 4, 5 })]
    [InlineData(new[] { 3, 2, 5 })]
    public void Backward_matches_finite_differences(int[] shape)
    {
        var dense = new Dense("dense", 5, 3, new Random(1));
        GradientCheck.Random(2, 0.5, 3).Data.CopyTo(dense.Bias.Value.Data, 0);

        var results = GradientCheck.Check(dense, GradientCheck.Random(3, 1, shape));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Fact]
    public void Gradient_check_catches_a_wrong_gradient()
    {
        var results = GradientCheck.Check(new WrongGradientDense(new Dense("dense", 4, 2, new Random(1))), GradientCheck.Random(3, 1, 3, 4));

        Assert.Contains(results, r => r.RelativeError > 0.5);
    }

    [Fact]
    public void Forward_is_x_times_kernel_plus_bias()
    {
        var dense = new Dense("dense", 2, 2, new Random(1));
        new float[] { 1, 2, 3, 4 }.CopyTo(dense.Kernel.Value.Data, 0);
        new float[] { 0.5f, -1 }.CopyTo(dense.Bias.Value.Data, 0);

        var y = dense.Forward(new Tensor([1, 1, 2, 0], 2, 2), null);

        Assert.Equal([4.5f, 5, 2.5f, 3], y.Data);
    }

    /// <summary>Doubles the kernel gradient: what the check is there to notice.</summary>
    private sealed class WrongGradientDense(Dense inner) : ILayer
    {
        public string Name => inner.Name;
        public IReadOnlyList<Parameter> Parameters => inner.Parameters;
        public Tensor Forward(Tensor input, Random? training) => inner.Forward(input, training);
        public Tensor Backward(Tensor outputGradient)
        {
            var g = inner.Backward(outputGradient);
            for (var i = 0; i < inner.Kernel.Grad.Length; i++) inner.Kernel.Grad.Data[i] *= 2;
            return g;
        }
        public string ExportOnnx(OnnxExport export, string input) => inner.ExportOnnx(export, input);
    }
}
