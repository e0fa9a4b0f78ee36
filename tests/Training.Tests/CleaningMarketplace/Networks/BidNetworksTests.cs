using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace.Networks;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks;

public class BidNetworksTests
{
    private static Tensor RandomFeatures(int rows, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var x = Tensor.Zeros(rows, BidFeatures.Count);
        for (var i = 0; i < x.Length; i++) x.Data[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        return x;
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var network = BidNetworks.Build(BidFeatures.Count, new Random(1));
        NetworkGradientCheck.Spread(network, seed: 2);

        var results = NetworkGradientCheck.Check(network, [RandomFeatures(8, seed: 2)]);

        Assert.All(results, r => Assert.True(r.RelativeError < NetworkGradientCheck.Tolerance, r.ToString()));
        Assert.All(results, r => Assert.True(r.Analytic != 0, $"{r.Parameter} got no gradient"));
        Assert.All(results, r => Assert.True(r.Checked > 0 && r.Checked >= r.Skipped, $"{r.Parameter}: {r.Skipped} of {r.Checked + r.Skipped} elements were not smooth at ε"));
    }

    [Fact]
    public void Min_optimal_and_max_are_positive_and_ordered_for_random_inputs_and_weights()
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var y = BidNetworks.Build(BidFeatures.Count, new Random(seed)).Predict(RandomFeatures(400, seed + 100, scale: 20));
            for (var r = 0; r < 400; r++)
            {
                var (min, optimal, max) = (y.Data[r * 3], y.Data[r * 3 + 1], y.Data[r * 3 + 2]);
                Assert.True(min > 0 && min <= optimal && optimal <= max, $"seed {seed} row {r}: {min}, {optimal}, {max}");
            }
        }
    }

    [Fact]
    public void Onnx_export_matches_the_engine_and_keeps_the_order()
    {
        var network = BidNetworks.Build(BidFeatures.Count, new Random(3));
        var x = RandomFeatures(41, seed: 4, scale: 5);
        var expected = network.Predict(x);
        var spec = new BidModelSpec();

        using var session = OnnxSession.FromBytes(BidNetworks.ExportOnnx(network, "cleaning_bid", spec));
        var actual = session.Run(spec.InputName, new OnnxTensor(x.Data, 41, BidFeatures.Count), [spec.OutputName])[0];

        Assert.Equal([41L, 3], actual.Shape);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f, $"[{i}]: engine {expected.Data[i]}, ONNX Runtime {actual.Data[i]}");
        for (var r = 0; r < 41; r++)
            Assert.True(actual.Data[r * 3] > 0 && actual.Data[r * 3] <= actual.Data[r * 3 + 1] && actual.Data[r * 3 + 1] <= actual.Data[r * 3 + 2]);
    }

    [Fact]
    public void Trained_with_the_pinball_loss_its_outputs_bracket_the_amounts_at_the_quantiles()
    {
        // Amounts = 0.5 + 0.4·x0 times lognormal-ish noise: the 10th-90th percentile band depends on x0.
        static (Tensor X, Tensor Y) Data(int rows, int seed)
        {
            var x = RandomFeatures(rows, seed);
            var noise = new Random(seed + 1);
            var y = Tensor.Zeros(rows, 1);
            for (var r = 0; r < rows; r++)
                y.Data[r] = (0.6f + 0.4f * x.Data[r * BidFeatures.Count]) * (float)Math.Exp(0.3 * Initializers.Gaussian(noise));
            return (x, y);
        }
        var (x, y) = Data(4000, seed: 5);
        var (vx, vy) = Data(2000, seed: 6);
        var network = BidNetworks.Build(BidFeatures.Count, new Random(7));

        Trainer.Fit(network, BidNetworks.Loss(), new Adam(network.Parameters, learningRate: 0.003), x, y, vx, vy,
            new TrainingOptions { Epochs = 40, BatchSize = 64, Seed = 8, EarlyStoppingPatience = 5, EndOnBestWeights = true });
        var p = network.Predict(vx);

        double Below(int column) => Enumerable.Range(0, 2000).Average(r => vy.Data[r] < p.Data[r * 3 + column] ? 1.0 : 0.0);
        Assert.InRange(Below(0), 0.05, 0.16);
        Assert.InRange(Below(1), 0.42, 0.58);
        Assert.InRange(Below(2), 0.84, 0.95);
    }
}
