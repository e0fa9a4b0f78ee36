using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class LstmTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backward_matches_finite_differences_in_inference(bool returnSequences)
    {
        var lstm = WithNoisyBias(new Lstm("lstm", 3, 4, new Random(1), returnSequences));

        var results = GradientCheck.Check(lstm, GradientCheck.Random(3, 1, 2, 4, 3));

        AssertWithinTolerance(results);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backward_matches_finite_differences_with_dropout_and_recurrent_dropout(bool returnSequences)
    {
        var lstm = WithNoisyBias(new Lstm("lstm", 3, 4, new Random(1), returnSequences, dropout: 0.3, recurrentDropout: 0.4));

        var results = GradientCheck.Check(lstm, GradientCheck.Random(3, 1, 3, 5, 3), training: 11);

        AssertWithinTolerance(results);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(5)]
    public void Backward_through_a_stack_matches_finite_differences(int? training)
    {
        // The input gradient and the first layer's weights are reached only through its sequence output.
        var first = WithNoisyBias(new Lstm("first", 3, 4, new Random(1), returnSequences: true, dropout: 0.2, recurrentDropout: 0.3));
        var second = WithNoisyBias(new Lstm("second", 4, 2, new Random(2), dropout: 0.25, recurrentDropout: 0.2));

        var results = GradientCheck.Check(new Stack(first, second), GradientCheck.Random(3, 1, 2, 4, 3), training: training);

        Assert.Equal(["input", "first/kernel", "first/recurrent_kernel", "first/bias", "second/kernel", "second/recurrent_kernel", "second/bias"],
            results.Select(r => r.Where));
        AssertWithinTolerance(results);
    }

    [Fact]
    public void Gradient_check_catches_a_recurrent_gradient_that_is_missing()
    {
        var lstm = new Lstm("lstm", 2, 3, new Random(1));

        var results = GradientCheck.Check(new WithoutRecurrentGradient(lstm), GradientCheck.Random(3, 1, 2, 3, 2));

        Assert.True(results.Single(r => r.Where == "lstm/recurrent_kernel").RelativeError > 0.5);
    }

    [Fact]
    public void Two_steps_with_hand_set_weights_match_the_cell_equations()
    {
        // One feature, one unit; each gate (i, f, c, o) gets its own weights.
        var lstm = HandSet(returnSequences: true);
        var x = new Tensor([1.0f, -0.5f], 1, 2, 1);

        var y = lstm.Forward(x, null);
        var last = HandSet(returnSequences: false).Forward(x, null);

        static double S(double v) => 1 / (1 + Math.Exp(-v));
        var c1 = S(0.5 + 0.05) * Math.Tanh(0.8 - 0.1); // f multiplies c0 = 0
        var h1 = S(0.2 + 0.02) * Math.Tanh(c1);
        var c2 = S(-0.5 * -0.3 + 0.4 * h1 + 1.0) * c1 + S(-0.5 * 0.5 + 0.1 * h1 + 0.05) * Math.Tanh(-0.5 * 0.8 - 0.2 * h1 - 0.1);
        var h2 = S(-0.5 * 0.2 + 0.6 * h1 + 0.02) * Math.Tanh(c2);
        Assert.Equal([1, 2, 1], y.Shape);
        Assert.Equal(h1, y.Data[0], 6);
        Assert.Equal(h2, y.Data[1], 6);
        Assert.Equal([1, 1], last.Shape);
        Assert.Equal(h2, last.Data[0], 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forward_matches_a_plain_reference(bool returnSequences)
    {
        var lstm = WithNoisyBias(new Lstm("lstm", 3, 5, new Random(4), returnSequences));
        var x = GradientCheck.Random(6, 1, 2, 6, 3);

        var y = lstm.Forward(x, null);

        AssertClose(Reference(lstm, x, null, null), y.Data, 1e-5);
    }

    [Fact]
    public void Training_draws_one_input_mask_and_one_recurrent_mask_for_all_steps()
    {
        // rate 0.5: each mask entry is 0 or 2. Whatever was drawn, the output must be the reference run with one
        // fixed pair of masks over all six steps; masks redrawn per step would match none of the 16 pairs.
        var lstm = WithNoisyBias(new Lstm("lstm", 2, 2, new Random(1), returnSequences: true, dropout: 0.5, recurrentDropout: 0.5));
        var x = GradientCheck.Random(2, 1, 1, 6, 2);
        float[][] masks = [[0, 0], [0, 2], [2, 0], [2, 2]];

        for (var seed = 0; seed < 8; seed++)
        {
            var y = lstm.Forward(x, new Random(seed));

            var matches = masks.SelectMany(input => masks.Select(recurrent => Reference(lstm, x, input, recurrent)))
                .Count(expected => expected.Zip(y.Data, (e, a) => Math.Abs(e - a)).Max() < 1e-5);
            Assert.True(matches >= 1, $"seed {seed}: no fixed pair of masks explains the training output");
        }
    }

    [Fact]
    public void Inference_is_deterministic_and_dropout_changes_only_training_outputs()
    {
        Lstm Make() => new("lstm", 3, 4, new Random(9), returnSequences: true, dropout: 0.3, recurrentDropout: 0.3);
        var x = GradientCheck.Random(1, 1, 3, 5, 3);
        var lstm = Make();

        var inference = lstm.Forward(x, null).Data;
        Assert.Equal(inference, lstm.Forward(x, null).Data);
        Assert.Equal(inference, Make().Forward(x, null).Data);
        Assert.Equal(inference, new Lstm("lstm", 3, 4, new Random(9), returnSequences: true).Forward(x, null).Data);

        var training = lstm.Forward(x, new Random(1)).Data;
        Assert.Equal(training, lstm.Forward(x, new Random(1)).Data);
        Assert.NotEqual(inference, training);
        Assert.NotEqual(training, lstm.Forward(x, new Random(2)).Data);
    }

    [Fact]
    public void Initial_weights_follow_keras()
    {
        var lstm = new Lstm("lstm", 6, 3, new Random(1));

        Assert.Equal([6, 12], lstm.Kernel.Value.Shape);
        Assert.Equal([3, 12], lstm.RecurrentKernel.Value.Shape);
        Assert.Equal([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0], lstm.Bias.Value.Data); // unit_forget_bias
        var limit = Math.Sqrt(6.0 / (6 + 12));
        Assert.All(lstm.Kernel.Value.Data, v => Assert.True(Math.Abs(v) <= limit));
        // [3, 12] orthogonal: orthonormal rows.
        var r = lstm.RecurrentKernel.Value.Data;
        for (var a = 0; a < 3; a++)
            for (var b = 0; b < 3; b++)
                Assert.Equal(a == b ? 1 : 0, Enumerable.Range(0, 12).Sum(j => (double)r[a * 12 + j] * r[b * 12 + j]), 5);
        Assert.Equal([true, false, false], lstm.Parameters.Select(p => p.IsKernel));
    }

    [Fact]
    public void Rejects_inputs_and_gradients_of_the_wrong_shape()
    {
        var lstm = new Lstm("lstm", 3, 2, new Random(1));

        Assert.Throws<ArgumentException>(() => lstm.Forward(Tensor.Zeros(2, 4, 5), null));
        Assert.Throws<ArgumentException>(() => lstm.Forward(Tensor.Zeros(2, 3), null));
        lstm.Forward(Tensor.Zeros(2, 4, 3), null);
        Assert.Throws<ArgumentException>(() => lstm.Backward(Tensor.Zeros(2, 4, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lstm("lstm", 3, 2, new Random(1), dropout: 1));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    public void Onnx_export_matches_forward_in_onnx_runtime(int time, bool returnSequences)
    {
        var lstm = WithDistinctGates(new Lstm("lstm", 3, 4, new Random(1), returnSequences));

        AssertOnnxMatchesForward(lstm, time, features: 3, returnSequences ? [null, time, 4] : [null, 4]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Onnx_export_of_a_stack_matches_forward_in_onnx_runtime(int time)
    {
        var stack = new Stack(
            WithDistinctGates(new Lstm("first", 3, 5, new Random(1), returnSequences: true)),
            WithDistinctGates(new Lstm("second", 5, 2, new Random(2))));

        AssertOnnxMatchesForward(stack, time, features: 3, [null, 2]);
    }

    private static void AssertOnnxMatchesForward(ILayer layer, int time, int features, long?[] outputShape)
    {
        var graph = new OnnxGraphBuilder("lstm").AddInput("x", null, time, features);
        var output = layer.ExportOnnx(new OnnxExport(graph), "x");
        graph.AddOutput(output, outputShape);
        using var session = OnnxSession.FromBytes(graph.ToModelBytes());

        foreach (var batch in new[] { 1, 3 })
        {
            var x = GradientCheck.Random(batch * 10 + time, 1.5, batch, time, features);
            var expected = layer.Forward(x, null);

            var actual = session.Run("x", new OnnxTensor(x.Data, batch, time, features), [output])[0];

            Assert.Equal(expected.Shape.Select(d => (long)d), actual.Shape);
            AssertClose(expected.Data.Select(v => (double)v).ToArray(), actual.Data, 1e-5);
        }
    }

    // Units 19: two whole vectors of gate math (8 lanes; one of 16) and a tail of three taken one at a time.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forward_over_vector_wide_units_matches_a_plain_reference(bool returnSequences)
    {
        var lstm = WithNoisyBias(new Lstm("lstm", 3, 19, new Random(4), returnSequences));
        var x = GradientCheck.Random(6, 1.5, 2, 3, 3);

        var y = lstm.Forward(x, null);

        AssertClose(Reference(lstm, x, null, null), y.Data, 1e-5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Backward_over_vector_wide_units_matches_finite_differences(bool returnSequences)
    {
        var lstm = WithNoisyBias(new Lstm("lstm", 3, 19, new Random(1), returnSequences, dropout: 0.2, recurrentDropout: 0.3));

        var results = GradientCheck.Check(lstm, GradientCheck.Random(3, 1, 2, 3, 3), training: 7);

        AssertWithinTolerance(results);
    }

    [Fact]
    public void Onnx_export_over_vector_wide_units_matches_forward_in_onnx_runtime()
    {
        var lstm = WithDistinctGates(new Lstm("lstm", 3, 19, new Random(1), returnSequences: true));

        AssertOnnxMatchesForward(lstm, time: 3, features: 3, [null, 3, 19]);
    }

    [Fact]
    public void Parameter_gradients_alone_equal_those_of_a_full_backward_pass()
    {
        Lstm Make() => new("lstm", 5, 9, new Random(3), returnSequences: true, dropout: 0.2, recurrentDropout: 0.2);
        var x = GradientCheck.Random(2, 1, 4, 3, 5);
        var dy = GradientCheck.Random(3, 1, 4, 3, 9);
        var (full, alone) = (Make(), Make());

        full.Forward(x, new Random(5));
        full.Backward(dy);
        alone.Forward(x, new Random(5));
        alone.BackwardParameters(dy);

        Assert.Equal(full.Parameters.Select(p => p.Grad.Data), alone.Parameters.Select(p => p.Grad.Data));
    }

    [Fact]
    public void A_layer_that_saw_other_batch_sizes_computes_what_a_fresh_one_does()
    {
        // The working buffers are kept between batches of one shape and replaced when it changes.
        Lstm Make() => new("lstm", 4, 10, new Random(8), returnSequences: true, recurrentDropout: 0.3);
        var (x3, x2) = (GradientCheck.Random(1, 1, 3, 4, 4), GradientCheck.Random(2, 1, 2, 4, 4));
        var dy = GradientCheck.Random(4, 1, 2, 4, 10);
        var (used, fresh) = (Make(), Make());

        used.Backward(used.Forward(x3, new Random(1)));
        used.Forward(x2, new Random(1));
        used.Forward(x2, null);
        foreach (var p in used.Parameters) p.ZeroGrad();
        var y = used.Forward(x2, new Random(2));
        var dx = used.Backward(dy);
        var freshY = fresh.Forward(x2, new Random(2));
        var freshDx = fresh.Backward(dy);

        Assert.Equal(freshY.Data, y.Data);
        Assert.Equal(freshDx.Data, dx.Data);
        Assert.Equal(fresh.Parameters.Select(p => p.Grad.Data), used.Parameters.Select(p => p.Grad.Data));
    }

    /// <summary>Gates i, f, c, o with clearly different kernels and biases, so a swapped gate changes the output.</summary>
    private static Lstm WithDistinctGates(Lstm lstm)
    {
        float[] kernelOffset = [0.4f, -0.6f, 0.9f, -0.2f], bias = [0.3f, 1.0f, -0.4f, 0.7f];
        var units = lstm.Units;
        var kernel = lstm.Kernel.Value.Data;
        for (var k = 0; k < kernel.Length; k++) kernel[k] += kernelOffset[k % (4 * units) / units];
        for (var k = 0; k < 4 * units; k++) lstm.Bias.Value.Data[k] = bias[k / units] + 0.05f * (k % units);
        return lstm;
    }

    private static Lstm WithNoisyBias(Lstm lstm)
    {
        var noise = GradientCheck.Random(lstm.Units, 0.3, lstm.Bias.Value.Length);
        for (var k = 0; k < noise.Length; k++) lstm.Bias.Value.Data[k] += noise.Data[k];
        return lstm;
    }

    private static Lstm HandSet(bool returnSequences)
    {
        var lstm = new Lstm("lstm", 1, 1, new Random(1), returnSequences);
        new float[] { 0.5f, -0.3f, 0.8f, 0.2f }.CopyTo(lstm.Kernel.Value.Data, 0);
        new float[] { 0.1f, 0.4f, -0.2f, 0.6f }.CopyTo(lstm.RecurrentKernel.Value.Data, 0);
        new float[] { 0.05f, 1.0f, -0.1f, 0.02f }.CopyTo(lstm.Bias.Value.Data, 0);
        return lstm;
    }

    /// <summary>Keras' LSTM step by step in float64 with explicit masks ([batch, features] and [batch, units]).</summary>
    private static double[] Reference(Lstm lstm, Tensor x, float[]? inputMask, float[]? recurrentMask)
    {
        int batch = x.Dim(0), time = x.Dim(1), features = lstm.Features, units = lstm.Units, width = 4 * units;
        var kernel = lstm.Kernel.Value.Data;
        var recurrent = lstm.RecurrentKernel.Value.Data;
        var bias = lstm.Bias.Value.Data;
        var output = new List<double>();
        var last = new List<double>();
        for (var b = 0; b < batch; b++)
        {
            var h = new double[units];
            var c = new double[units];
            for (var t = 0; t < time; t++)
            {
                var z = new double[width];
                for (var j = 0; j < width; j++)
                {
                    double sum = bias[j];
                    for (var f = 0; f < features; f++)
                        sum += x.Data[(b * time + t) * features + f] * (inputMask?[b * features + f] ?? 1) * kernel[f * width + j];
                    for (var u = 0; u < units; u++)
                        sum += h[u] * (recurrentMask?[b * units + u] ?? 1) * recurrent[u * width + j];
                    z[j] = sum;
                }
                for (var u = 0; u < units; u++)
                {
                    c[u] = Sigmoid(z[units + u]) * c[u] + Sigmoid(z[u]) * Math.Tanh(z[2 * units + u]);
                    h[u] = Sigmoid(z[3 * units + u]) * Math.Tanh(c[u]);
                }
                output.AddRange(h);
            }
            last.AddRange(h);
        }
        return (lstm.ReturnSequences ? output : last).ToArray();
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static void AssertClose(double[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < actual.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance, $"[{k}] expected {expected[k]}, got {actual[k]}");
    }

    private static void AssertWithinTolerance(IReadOnlyList<GradientCheck.Result> results) =>
        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));

    /// <summary>Layers applied in order, as a network would; backward runs them in reverse.</summary>
    private sealed class Stack(params ILayer[] layers) : ILayer
    {
        public string Name => "stack";
        public IReadOnlyList<Parameter> Parameters { get; } = layers.SelectMany(l => l.Parameters).ToList();
        public Tensor Forward(Tensor input, Random? training) => layers.Aggregate(input, (x, l) => l.Forward(x, training));
        public Tensor Backward(Tensor outputGradient) => Enumerable.Reverse(layers).Aggregate(outputGradient, (g, l) => l.Backward(g));
        public string ExportOnnx(OnnxExport export, string input) => layers.Aggregate(input, (x, l) => l.ExportOnnx(export, x));
    }

    /// <summary>Drops the recurrent kernel's gradient: what the check is there to notice.</summary>
    private sealed class WithoutRecurrentGradient(Lstm inner) : ILayer
    {
        public string Name => inner.Name;
        public IReadOnlyList<Parameter> Parameters => inner.Parameters;
        public Tensor Forward(Tensor input, Random? training) => inner.Forward(input, training);
        public Tensor Backward(Tensor outputGradient)
        {
            var g = inner.Backward(outputGradient);
            inner.RecurrentKernel.ZeroGrad();
            return g;
        }
        public string ExportOnnx(OnnxExport export, string input) => inner.ExportOnnx(export, input);
    }
}
