using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard.Networks;
using iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks;
using static iAyos.Messaging.Training.Tests.JobBoard.Networks.ConvFmData;

namespace iAyos.Messaging.Training.Tests.JobBoard.Networks;

public sealed class ConvFmNetworkTests
{
    private static readonly BinaryCrossEntropy Bce = new();
    private static readonly JobRecommenderSpec Spec = new() { MaxSkills = MaxSkills };

    [Fact]
    public void The_output_is_one_probability_per_row_and_the_parameters_are_the_seeds()
    {
        var network = Build(1);

        var y = network.Forward(RandomInputs(50, seed: 2), null);

        Assert.Equal([50, 1], y.Shape);
        Assert.All(y.Data, v => Assert.InRange(v, 0f, 1f));
        var sizes = network.Parameters.ToDictionary(p => p.Name, p => p.Value.Shape);
        Assert.Equal([Users, 64], sizes["user_embedding/embeddings"]);
        Assert.Equal([Skills, 64], sizes["skill_embedding/embeddings"]);
        Assert.Equal([Companies, 1], sizes["company_linear/embeddings"]);
        Assert.Equal([3, 64, 64], sizes["conv/kernel"]);
        Assert.Equal([5 * 64 + 64, 128], sizes["deep_dense_1/kernel"]);
        Assert.Equal([64, 32], sizes["deep_dense_3/kernel"]);
        Assert.Equal([32, 1], sizes["deep_output/kernel"]);
        Assert.Equal(3, network.Parameters.Count(p => p.Name.EndsWith("/gamma", StringComparison.Ordinal)));
        Assert.Equal(network.Parameters.Count + 6, network.Weights.Count); // + BatchNorm's running mean and variance ×3
    }

    /// <summary>
    /// Each layer passes the engine's 1e-2 finite-difference check on its own; this checks the wiring of the whole
    /// network (every term into the logit, the stack into conv, FM and the deep part, and back to each table). Here a
    /// step of ε crosses ReLU kinks in many rows at once (with batch statistics, every parameter moves every
    /// pre-activation), which the one-sided test does not always catch, so the worst element of a parameter may be off
    /// by a few percent (it shrinks with ε); a wrong or missing term shows up near 1.
    /// </summary>
    [Theory]
    [InlineData(null, 8)]
    [InlineData(6, 16)]
    public void Gradients_of_every_parameter_match_finite_differences(int? training, int rows)
    {
        const double wiringTolerance = 0.1;
        var network = Build(3, dimension: 8);
        NetworkGradientCheck.Spread(network, seed: 4);

        var results = NetworkGradientCheck.Check(network, RandomInputs(rows, seed: 5), training: training);

        Assert.Equal(network.Parameters.Count, results.Count);
        Assert.All(results, r => Assert.True(r.RelativeError < wiringTolerance, r.ToString()));
        Assert.All(results, r => Assert.True(r.Analytic != 0, $"{r.Parameter} got no gradient"));
        Assert.All(results, r => Assert.True(r.Checked > 0, $"{r.Parameter}: no element was smooth at ε"));
        Assert.True(results.Count(r => r.RelativeError < NetworkGradientCheck.Tolerance) >= results.Count / 2,
            string.Join("\n", results.Where(r => r.RelativeError >= NetworkGradientCheck.Tolerance)));
    }

    [Fact]
    public void Onnx_export_with_int64_ids_matches_the_engine_including_padding_and_unknown_ids()
    {
        var network = Build(6);
        var (x, y) = UserLikesSkill(200, seed: 7);
        // A little training moves BatchNorm's running statistics and the weights off their initial values.
        Trainer.Fit(network, Bce, new Adam(network.Parameters), x, y, null, null, new TrainingOptions { Epochs = 1, Seed = 8 });
        var inputs = RandomInputs(37, seed: 9);
        var expected = network.Predict(inputs);

        using var session = OnnxSession.FromBytes(network.ExportOnnx("convfm", Spec));
        long[] Ids(int input) => [.. inputs[input].Data.Select(v => (long)v)];
        var actual = session.Run(new Dictionary<string, OnnxTensor>
        {
            [Spec.UserInput] = OnnxTensor.Int64(Ids(ConvFmNetwork.UserInput), 37),
            [Spec.JobInput] = OnnxTensor.Int64(Ids(ConvFmNetwork.JobInput), 37),
            [Spec.LocationInput] = OnnxTensor.Int64(Ids(ConvFmNetwork.LocationInput), 37),
            [Spec.CompanyInput] = OnnxTensor.Int64(Ids(ConvFmNetwork.CompanyInput), 37),
            [Spec.InputName] = OnnxTensor.Int64(Ids(ConvFmNetwork.SkillsInput), 37, MaxSkills),
        }, [Spec.OutputName])[0];

        Assert.Equal([37L, 1], actual.Shape);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f, $"row {i}: engine {expected.Data[i]}, ONNX Runtime {actual.Data[i]}");
        Assert.Contains(inputs[ConvFmNetwork.UserInput].Data, v => v == 0); // unknown ids were among the rows
        Assert.Contains(Enumerable.Range(0, 37), r => inputs[ConvFmNetwork.SkillsInput].Data.Skip(r * MaxSkills).Take(MaxSkills).All(v => v == 0));
    }

    [Fact]
    public void The_onnx_graph_declares_the_specs_int64_inputs_and_score_output()
    {
        using var session = OnnxSession.FromBytes(Build(1).ExportOnnx("convfm", Spec));

        foreach (var name in new[] { Spec.UserInput, Spec.JobInput, Spec.LocationInput, Spec.CompanyInput })
        {
            var input = session.Inputs.Single(i => i.Name == name);
            Assert.Equal(TensorElementType.Int64, input.ElementType);
            Assert.Single(input.Shape);
        }
        var skills = session.Inputs.Single(i => i.Name == Spec.InputName);
        Assert.Equal(TensorElementType.Int64, skills.ElementType);
        Assert.Equal([-1L, MaxSkills], skills.Shape);
        Assert.Equal([Spec.OutputName], session.OutputNames);
    }

    [Fact]
    public void A_spec_with_another_skill_bag_size_is_refused() =>
        Assert.Throws<ArgumentException>(() => Build(1).ExportOnnx("convfm", new JobRecommenderSpec { MaxSkills = MaxSkills + 1 }));

    [Fact]
    public void Inputs_come_from_encoded_rows_in_the_networks_order()
    {
        var spec = new JobRecommenderSpec { UserIds = [100, 200], MaxSkills = 3 };
        var job = new EncodedJob(7, JobIndex: 4, LocationIndex: 2, CompanyIndex: 5, SkillIndices: [6, 1, 0], Skills: ["a", "b"]);

        var inputs = ConvFmNetwork.Inputs(JobRecommenderInputs.Encode(spec, [(200, job), (999, job)]));

        Assert.Equal([2f, 0], inputs[ConvFmNetwork.UserInput].Data);
        Assert.Equal([4f, 4], inputs[ConvFmNetwork.JobInput].Data);
        Assert.Equal([2f, 2], inputs[ConvFmNetwork.LocationInput].Data);
        Assert.Equal([5f, 5], inputs[ConvFmNetwork.CompanyInput].Data);
        Assert.Equal([2, 3], inputs[ConvFmNetwork.SkillsInput].Shape);
        Assert.Equal([6f, 1, 0, 6, 1, 0], inputs[ConvFmNetwork.SkillsInput].Data);
    }

    [Fact]
    public void Ids_outside_the_vocabularies_and_bags_of_another_size_are_rejected()
    {
        var network = Build(1);
        var inputs = RandomInputs(3, seed: 1);
        inputs[ConvFmNetwork.JobInput] = new Tensor([0f, Jobs, 1], 3, 1);
        Assert.Throws<ArgumentException>(() => network.Forward(inputs, null));

        inputs = RandomInputs(3, seed: 1);
        inputs[ConvFmNetwork.SkillsInput].Data[4] = Skills;
        Assert.Throws<ArgumentException>(() => network.Forward(inputs, null));

        inputs = RandomInputs(3, seed: 1);
        inputs[ConvFmNetwork.SkillsInput] = Tensor.Zeros(3, MaxSkills + 1);
        Assert.Throws<ArgumentException>(() => network.Forward(inputs, null));
    }

    [Fact]
    public void A_planted_user_skill_preference_is_learned()
    {
        var (x, y) = UserLikesSkill(3000, seed: 10);
        var (vx, vy) = UserLikesSkill(800, seed: 11);
        var network = Build(12);

        Trainer.Fit(network, Bce, new Adam(network.Parameters, learningRate: 0.003), x, y, vx, vy,
            new TrainingOptions { Epochs = 15, BatchSize = 32, Seed = 13, EarlyStoppingPatience = 4, EndOnBestWeights = true });
        var p = network.Predict(vx);

        var auc = Auc(p, vy);
        var accuracy = p.Data.Zip(vy.Data).Average(t => (t.First >= 0.5f ? 1 : 0) == t.Second ? 1.0 : 0);
        var majority = Math.Max(vy.Data.Average(), 1 - vy.Data.Average());
        Assert.True(auc > 0.97, $"validation AUC {auc}");
        Assert.True(accuracy > majority + 0.15, $"accuracy {accuracy} against the majority class's {majority}");
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_another_seed_does_not()
    {
        var (x, y) = UserLikesSkill(300, seed: 30);
        var options = new TrainingOptions { Epochs = 2, BatchSize = 32, Seed = 32 };
        ConvFmNetwork Trained(int init, TrainingOptions o)
        {
            var n = Build(init);
            Trainer.Fit(n, Bce, new Adam(n.Parameters), x, y, null, null, o);
            return n;
        }

        var first = Trained(33, options);
        var second = Trained(33, options);
        var other = Trained(33, options with { Seed = 34 });

        for (var i = 0; i < first.Weights.Count; i++)
            Assert.Equal(first.Weights[i].Value.Data, second.Weights[i].Value.Data);
        Assert.Contains(Enumerable.Range(0, first.Weights.Count), i => !first.Weights[i].Value.Data.SequenceEqual(other.Weights[i].Value.Data));
    }
}
