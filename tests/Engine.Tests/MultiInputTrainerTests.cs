using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using static iAyos.Messaging.Engine.Tests.TrainingFixtures;

namespace iAyos.Messaging.Engine.Tests;

public sealed class MultiInputTrainerTests : IDisposable
{
    private static readonly MeanSquaredError Mse = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("iayos-multi-input-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TrainingOptions Options(int epochs) => new()
    {
        Epochs = epochs, BatchSize = 16, Seed = 11,
        EarlyStoppingPatience = 4, ReduceLearningRatePatience = 2, ReduceLearningRateMinDelta = 0.01,
    };

    private static Adam AdamFor(ITrainableNetwork network) => new(network.Parameters, learningRate: 0.02, l2: 0.001, globalClipNorm: 1);

    private static TrainingResult Fit(TwoInputNetwork network, IOptimizer optimizer, TrainingOptions options)
    {
        var (x, y) = TwoInputNetwork.Data(200, seed: 3);
        var (vx, vy) = TwoInputNetwork.Data(60, seed: 4);
        return Trainer.Fit(network, Mse, optimizer, x, y, vx, vy, options);
    }

    private static void AssertSame(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i]); // bit for bit
    }

    [Fact]
    public void A_two_input_model_learns_a_target_that_needs_both_inputs_row_by_row()
    {
        var network = new TwoInputNetwork(initSeed: 1);
        var (x, y) = TwoInputNetwork.Data(400, seed: 3);
        var (vx, vy) = TwoInputNetwork.Data(100, seed: 4);
        var mean = y.Data.Average();
        var baseline = vy.Data.Average(v => (v - mean) * (v - mean));

        Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.01), x, y, vx, vy,
            new TrainingOptions { Epochs = 150, BatchSize = 32, Seed = 2 });
        var mse = Trainer.Evaluate(network, Mse, vx, vy);

        Assert.True(mse < baseline * 0.05, $"validation MSE {mse} against the mean's {baseline}");
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_another_seed_does_not()
    {
        var first = new TwoInputNetwork(initSeed: 1);
        var second = new TwoInputNetwork(initSeed: 1);
        var other = new TwoInputNetwork(initSeed: 1);

        Fit(first, AdamFor(first), Options(6));
        Fit(second, AdamFor(second), Options(6));
        Fit(other, AdamFor(other), Options(6) with { Seed = 12 });

        AssertSame(first.GetWeights(), second.GetWeights());
        Assert.False(first.GetWeights().Zip(other.GetWeights()).All(p => p.First.AsSpan().SequenceEqual(p.Second)));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_weights_of_a_straight_run()
    {
        var straight = new TwoInputNetwork(initSeed: 1);
        var straightAdam = AdamFor(straight);
        var expected = Fit(straight, straightAdam, Options(8));

        var path = Path.Combine(_directory, "two-input.ckpt");
        var firstPart = new TwoInputNetwork(initSeed: 1);
        Fit(firstPart, AdamFor(firstPart), Options(3) with { CheckpointPath = path, CheckpointEveryEpoch = true });
        var resumed = new TwoInputNetwork(initSeed: 99);
        var resumedAdam = AdamFor(resumed);
        var result = Fit(resumed, resumedAdam, Options(8) with { ResumeFrom = path });

        Assert.Equal(4, result.StartEpoch);
        Assert.Equal(expected.EpochsRun, result.EpochsRun);
        AssertSame(straight.GetWeights(), resumed.GetWeights());
        Assert.Equal(straightAdam.Iterations, resumedAdam.Iterations);
        Assert.Equal(expected.History.Select(h => h.ValLoss), result.History.Select(h => h.ValLoss));
    }

    [Fact]
    public void Early_stopping_restores_the_best_epochs_weights()
    {
        // Validation targets are the negated training targets, so val_loss gets worse as the model learns.
        var (x, y) = TwoInputNetwork.Data(100, seed: 3);
        var vy = Tensor.ZerosLike(y);
        for (var i = 0; i < y.Length; i++) vy.Data[i] = -y.Data[i];
        var path = Path.Combine(_directory, "best.ckpt");
        var network = new TwoInputNetwork(initSeed: 1);

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.05), x, y, x, vy,
            new TrainingOptions { Epochs = 50, Seed = 5, EarlyStoppingPatience = 3, CheckpointPath = path });

        Assert.Equal(StopReason.EarlyStopping, result.StopReason);
        Assert.True(result.RestoredBestWeights);
        // Checkpoints are written only on improvement, so the file holds the best epoch's weights.
        var best = Checkpoint.Load(path);
        Assert.Equal(result.BestEpoch, best.Epoch);
        AssertSame([.. best.Weights.Select(w => w.Value.Data)], network.GetWeights());
    }

    [Fact]
    public void A_network_through_the_interface_trains_exactly_as_through_the_single_input_overload()
    {
        var (x, y) = Linear(100, seed: 3);
        var (vx, vy) = Linear(40, seed: 4);
        var options = new TrainingOptions { Epochs = 5, BatchSize = 16, Seed = 7, EarlyStoppingPatience = 2 };
        var direct = DropoutNetwork(initSeed: 1);
        var viaInterface = DropoutNetwork(initSeed: 1);

        var a = Trainer.Fit(direct, Mse, new Adam(direct.Parameters, learningRate: 0.02), x, y, vx, vy, options);
        var b = Trainer.Fit((ITrainableNetwork)viaInterface, Mse, new Adam(viaInterface.Parameters, learningRate: 0.02), [x], y, [vx], vy, options);

        AssertSameWeights(direct, viaInterface);
        Assert.Equal(a.History.Select(h => h.Loss), b.History.Select(h => h.Loss));
        Assert.Equal(Trainer.Evaluate(direct, Mse, vx, vy), Trainer.Evaluate((ITrainableNetwork)viaInterface, Mse, [vx], vy));
    }

    [Fact]
    public void Predict_stacks_batches_in_row_order()
    {
        var network = new TwoInputNetwork(initSeed: 1);
        var (x, _) = TwoInputNetwork.Data(10, seed: 3);

        var batched = network.Predict(x, batchSize: 3);
        var whole = network.Forward(x, null);

        Assert.Equal(whole.Data, batched.Data);
    }

    [Fact]
    public void Inputs_must_agree_in_rows_and_count()
    {
        var network = new TwoInputNetwork(initSeed: 1);
        var (x, y) = TwoInputNetwork.Data(20, seed: 3);
        var options = new TrainingOptions { Epochs = 1 };

        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Mse, AdamFor(network), [x[0], TensorRows.Slice(x[1], 0, 19)], y, null, null, options));
        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Mse, AdamFor(network), x, TensorRows.Slice(y, 0, 19), null, null, options));
        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Mse, AdamFor(network), x, y, [x[0]], y, options));
        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Mse, AdamFor(network), [], y, null, null, options));
    }
}
