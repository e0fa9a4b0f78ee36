using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class NetworkTests
{
    private static Network TwoDense(int seed = 1)
    {
        var init = new Random(seed);
        return new Network(new Dense("hidden", 3, 4, init), new Dense("output", 4, 2, init));
    }

    [Fact]
    public void The_training_backward_pass_gives_the_parameter_gradients_of_the_full_one()
    {
        // The training loop's pass lets a first LSTM skip its input gradient; nothing else may change.
        Network Make()
        {
            var init = new Random(2);
            return new Network(new Lstm("lstm", 4, 9, init, returnSequences: true), new Dropout("drop", 0.3), new Lstm("last", 9, 3, init), new Dense("out", 3, 1, init));
        }
        var x = GradientCheck.Random(1, 1, 5, 2, 4);
        var g = GradientCheck.Random(2, 1, 5, 1);
        var (full, training) = (Make(), Make());

        full.Forward(x, new Random(3));
        full.Backward(g);
        ((ITrainableNetwork)training).Forward([x], new Random(3));
        ((ITrainableNetwork)training).Backward(g);

        Assert.Equal(full.Parameters.Select(p => p.Grad.Data), training.Parameters.Select(p => p.Grad.Data));
    }

    [Fact]
    public void Forward_and_backward_chain_the_layers()
    {
        var init = new Random(1);
        var first = new Dense("hidden", 3, 4, init);
        var second = new Dense("output", 4, 2, init);
        var network = new Network(first, second);
        var x = GradientCheck.Random(2, 1, 5, 3);
        var g = GradientCheck.Random(3, 1, 5, 2);

        var y = network.Forward(x, null);
        network.ZeroGrad();
        var dx = network.Backward(g);

        var expectedY = second.Forward(first.Forward(x, null), null);
        Assert.Equal(expectedY.Data, y.Data);
        var kernelGrad = (float[])second.Kernel.Grad.Data.Clone();
        foreach (var p in network.Parameters) p.ZeroGrad();
        var expectedDx = first.Backward(second.Backward(g));
        Assert.Equal(expectedDx.Data, dx.Data);
        Assert.Equal(second.Kernel.Grad.Data, kernelGrad);
        Assert.Equal(["hidden/kernel", "hidden/bias", "output/kernel", "output/bias"], network.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Zero_grad_clears_every_parameter()
    {
        var network = TwoDense();
        network.Forward(GradientCheck.Random(2, 1, 5, 3), null);
        network.Backward(GradientCheck.Random(3, 1, 5, 2));
        Assert.Contains(network.Parameters, p => p.Grad.Data.Any(v => v != 0));

        network.ZeroGrad();

        Assert.All(network.Parameters, p => Assert.All(p.Grad.Data, v => Assert.Equal(0, v)));
    }

    [Fact]
    public void Predict_in_batches_equals_one_forward_pass()
    {
        var network = TwoDense();
        var x = GradientCheck.Random(4, 1, 7, 3);

        var batched = network.Predict(x, batchSize: 3);

        Assert.Equal([7, 2], batched.Shape);
        Assert.Equal(network.Forward(x, null).Data, batched.Data);
    }

    [Fact]
    public void Predict_runs_in_inference_mode()
    {
        var network = new Network(new Dense("d", 3, 3, new Random(1)), new TestDropout("drop", 0.5));
        var x = GradientCheck.Random(4, 1, 6, 3);

        Assert.Equal(network.Forward(x, null).Data, network.Predict(x).Data);
    }

    [Fact]
    public void Weights_are_parameters_then_layer_state()
    {
        var counter = new RowCounter("counter");
        var network = new Network(new Dense("d", 3, 2, new Random(1)), counter);

        Assert.Equal(["d/kernel", "d/bias", "counter/state_0"], network.Weights.Select(w => w.Name));
        network.Forward(GradientCheck.Random(4, 1, 6, 3), new Random(1));
        var saved = network.GetWeights();
        Assert.Equal(6, saved[2][0]);

        network.Forward(GradientCheck.Random(4, 1, 6, 3), new Random(1));
        network.SetWeights(saved);

        Assert.Equal(6, counter.Seen);
        Assert.Throws<ArgumentException>(() => network.SetWeights(saved[..2]));
    }

    [Fact]
    public void Exported_onnx_model_matches_predict()
    {
        var network = new Network(new Dense("hidden", 3, 4, new Random(1)), new TestDropout("drop", 0.5), new Dense("hidden", 4, 2, new Random(2)));
        var x = GradientCheck.Random(4, 1, 5, 3);

        var bytes = network.ExportOnnx("net", "features", [null, 3], "prediction", [null, 2]);
        using var session = OnnxSession.FromBytes(bytes);
        var onnx = session.Run("features", new OnnxTensor(x.Data, 5, 3), ["prediction"])[0].Data;

        var expected = network.Predict(x).Data;
        Assert.Equal(expected.Length, onnx.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], onnx[i], 5);
    }
}
