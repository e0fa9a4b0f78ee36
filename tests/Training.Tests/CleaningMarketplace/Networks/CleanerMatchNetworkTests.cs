using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace.Networks;
using static iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks.CleanerMatchData;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks;

public sealed class CleanerMatchNetworkTests : IDisposable
{
    private static readonly MeanSquaredError Mse = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("iayos-cleaner-match-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CleanerMatchNetwork Build(int seed, double dropout = 0.2) => new(Clients, Cleaners, PropertyTypes, new Random(seed), dropout);

    private static void SetAlphaLogit(CleanerMatchNetwork network, float logit) =>
        network.Parameters.Single(p => p.Name == "hybrid/alpha_logit").Value.Data[0] = logit;

    [Fact]
    public void Alpha_starts_at_one_half_and_the_output_is_a_score_in_zero_to_one()
    {
        var network = Build(1);

        var y = network.Forward(RandomInputs(50, seed: 2), null);

        Assert.Equal(0.5, network.Alpha);
        Assert.Equal([50, 1], y.Shape);
        Assert.All(y.Data, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void With_supervised_halves_it_returns_hybrid_collaborative_and_content_and_their_gradients_match_finite_differences()
    {
        var network = new CleanerMatchNetwork(Clients, Cleaners, PropertyTypes, new Random(3), supervisedHalves: true);
        NetworkGradientCheck.Spread(network, seed: 4);
        SetAlphaLogit(network, 0.4f);
        var inputs = RandomInputs(6, seed: 4);

        var output = network.Forward(inputs, null);
        var prediction = network.Predict(inputs);

        Assert.Equal([6, 3], output.Shape);
        for (var r = 0; r < 6; r++)
        {
            Assert.Equal(prediction.Hybrid.Data[r], output.Data[r * 3]);
            Assert.Equal(prediction.Collaborative.Data[r], output.Data[r * 3 + 1]);
            Assert.Equal(prediction.Content.Data[r], output.Data[r * 3 + 2]);
        }
        var results = NetworkGradientCheck.Check(network, inputs, training: 5);
        Assert.All(results, r => Assert.True(r.RelativeError < NetworkGradientCheck.Tolerance, r.ToString()));
        Assert.Equal(network.Parameters.Count, results.Count);
    }

    [Fact]
    public void Gradients_of_every_parameter_including_alpha_match_finite_differences()
    {
        var network = Build(3);
        NetworkGradientCheck.Spread(network, seed: 4);
        SetAlphaLogit(network, 0.4f);

        var results = NetworkGradientCheck.Check(network, RandomInputs(6, seed: 4), training: 5);

        Assert.All(results, r => Assert.True(r.RelativeError < NetworkGradientCheck.Tolerance, r.ToString()));
        Assert.Equal(network.Parameters.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Analytic != 0, $"{r.Parameter} got no gradient"));
        Assert.All(results, r => Assert.True(r.Checked > 0 && r.Checked >= r.Skipped, $"{r.Parameter}: {r.Skipped} of {r.Checked + r.Skipped} elements were not smooth at ε"));
        Assert.Contains(results, r => r.Parameter == "hybrid/alpha_logit");
    }

    [Fact]
    public void Onnx_export_with_int64_ids_matches_the_engine_on_all_three_outputs()
    {
        var network = Build(6);
        SetAlphaLogit(network, -0.7f);
        var inputs = RandomInputs(37, seed: 7);
        var expected = network.Predict(inputs);
        var spec = new CleanerMatchSpec();

        using var session = OnnxSession.FromBytes(network.ExportOnnx("cleaner_match", spec));
        long[] Ids(int input) => [.. inputs[input].Data.Select(v => (long)v)];
        var outputs = session.Run(new Dictionary<string, OnnxTensor>
        {
            [spec.ClientInput] = OnnxTensor.Int64(Ids(CleanerMatchNetwork.ClientInput), 37),
            [spec.CleanerInput] = OnnxTensor.Int64(Ids(CleanerMatchNetwork.CleanerInput), 37),
            [spec.PropertyTypeInput] = OnnxTensor.Int64(Ids(CleanerMatchNetwork.PropertyTypeInput), 37),
            [spec.InputName] = new OnnxTensor(inputs[CleanerMatchNetwork.FeaturesInput].Data, 37, CleanerMatchFeatures.Count),
        }, [spec.OutputName, spec.CollaborativeOutput, spec.ContentOutput]);

        foreach (var (actual, engine) in outputs.Zip([expected.Hybrid, expected.Collaborative, expected.Content]))
        {
            Assert.Equal([37L, 1], actual.Shape);
            for (var i = 0; i < engine.Length; i++)
                Assert.True(Math.Abs(engine.Data[i] - actual.Data[i]) <= 1e-5f, $"row {i}: engine {engine.Data[i]}, ONNX Runtime {actual.Data[i]}");
        }
        Assert.Contains(inputs[CleanerMatchNetwork.ClientInput].Data, v => v == 0); // unknown ids were among the rows
    }

    [Fact]
    public void The_onnx_graph_declares_int64_id_inputs_of_rank_one()
    {
        var spec = new CleanerMatchSpec();
        using var session = OnnxSession.FromBytes(Build(1).ExportOnnx("cleaner_match", spec));

        foreach (var name in new[] { spec.ClientInput, spec.CleanerInput, spec.PropertyTypeInput })
        {
            var input = session.Inputs.Single(i => i.Name == name);
            Assert.Equal(TensorElementType.Int64, input.ElementType);
            Assert.Single(input.Shape);
        }
        Assert.Equal([spec.OutputName, spec.CollaborativeOutput, spec.ContentOutput], session.OutputNames);
    }

    [Fact]
    public void Unknown_ids_run_and_the_content_score_does_not_depend_on_the_client_or_cleaner()
    {
        var network = Build(8);
        var inputs = RandomInputs(20, seed: 9);
        var unknown = inputs.ToArray();
        unknown[CleanerMatchNetwork.ClientInput] = Tensor.Zeros(20, 1);
        unknown[CleanerMatchNetwork.CleanerInput] = Tensor.Zeros(20, 1);

        var known = network.Predict(inputs);
        var cold = network.Predict(unknown);

        Assert.Equal(known.Content.Data, cold.Content.Data);
        Assert.NotEqual(known.Collaborative.Data, cold.Collaborative.Data);
        Assert.All(cold.Hybrid.Data, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Ids_outside_the_vocabulary_are_rejected()
    {
        var inputs = RandomInputs(3, seed: 1);
        inputs[CleanerMatchNetwork.CleanerInput] = new Tensor([0f, Cleaners, 1], 3, 1);

        Assert.Throws<ArgumentException>(() => Build(1).Forward(inputs, null));
    }

    [Fact]
    public void A_cleaner_effect_is_learned_by_the_collaborative_network()
    {
        var (x, y) = ByCleaner(3000, seed: 10);
        var (vx, vy) = ByCleaner(600, seed: 11);
        var network = Build(12);

        Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.003), x, y, vx, vy,
            new TrainingOptions { Epochs = 25, BatchSize = 64, Seed = 13, EarlyStoppingPatience = 5, EndOnBestWeights = true });
        var p = network.Predict(vx);

        var baseline = MeanBaseline(y, vy);
        var hybrid = MeanSquaredError(p.Hybrid, vy);
        Assert.True(hybrid < baseline * 0.1, $"hybrid MSE {hybrid} against the mean's {baseline}");
        Assert.True(MeanSquaredError(p.Collaborative, vy) < MeanSquaredError(p.Content, vy) * 0.5,
            $"collaborative {MeanSquaredError(p.Collaborative, vy)}, content {MeanSquaredError(p.Content, vy)}");
        Assert.True(network.Alpha > 0.5, $"alpha {network.Alpha}");
    }

    [Fact]
    public void A_feature_effect_is_learned_by_the_content_network()
    {
        var (x, y) = ByFeatures(3000, seed: 20);
        var (vx, vy) = ByFeatures(600, seed: 21);
        var network = Build(22);

        Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.003), x, y, vx, vy,
            new TrainingOptions { Epochs = 25, BatchSize = 64, Seed = 23, EarlyStoppingPatience = 5, EndOnBestWeights = true });
        var p = network.Predict(vx);

        var baseline = MeanBaseline(y, vy);
        var hybrid = MeanSquaredError(p.Hybrid, vy);
        Assert.True(hybrid < baseline * 0.2, $"hybrid MSE {hybrid} against the mean's {baseline}");
        Assert.True(MeanSquaredError(p.Content, vy) < MeanSquaredError(p.Collaborative, vy) * 0.5,
            $"content {MeanSquaredError(p.Content, vy)}, collaborative {MeanSquaredError(p.Collaborative, vy)}");
        Assert.True(network.Alpha < 0.5, $"alpha {network.Alpha}");
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_a_resumed_run_matches_a_straight_one()
    {
        var (x, y) = ByCleaner(300, seed: 30);
        var (vx, vy) = ByCleaner(100, seed: 31);
        var options = new TrainingOptions { Epochs = 4, BatchSize = 32, Seed = 32 };
        TrainingResult Fit(CleanerMatchNetwork n, TrainingOptions o) =>
            Trainer.Fit(n, Mse, new Adam(n.Parameters, learningRate: 0.003, l2: 1e-4), x, y, vx, vy, o);

        var first = Build(33);
        Fit(first, options);
        var second = Build(33);
        Fit(second, options);
        var path = Path.Combine(_directory, "hybrid.ckpt");
        var part = Build(33);
        Fit(part, options with { Epochs = 2, CheckpointPath = path, CheckpointEveryEpoch = true });
        var resumed = Build(34);
        var result = Fit(resumed, options with { ResumeFrom = path });

        Assert.Equal(3, result.StartEpoch);
        foreach (var other in new[] { second, resumed })
            for (var i = 0; i < first.Weights.Count; i++)
                Assert.Equal(first.Weights[i].Value.Data, other.Weights[i].Value.Data); // bit for bit
        Assert.NotEqual(0.5, first.Alpha);
    }
}
