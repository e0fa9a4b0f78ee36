using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using static iAyos.Messaging.Engine.Tests.TrainingFixtures;

namespace iAyos.Messaging.Engine.Tests;

public class TrainerTests
{
    private static readonly MeanSquaredError Mse = new();

    private static TrainingResult Train(Network network, int seed, int epochs = 4, double l2 = 0.01)
    {
        var (x, y) = Linear(100, seed: 3);
        var (vx, vy) = Linear(40, seed: 4);
        var adam = new Adam(network.Parameters, learningRate: 0.01, l2: l2, globalClipNorm: 1);
        return Trainer.Fit(network, Mse, adam, x, y, vx, vy, new TrainingOptions { Epochs = epochs, BatchSize = 16, Seed = seed });
    }

    [Fact]
    public void A_dense_network_learns_a_linear_function()
    {
        var network = new Network(new Dense("hidden", 3, 16, new Random(1)), new Dense("output", 16, 1, new Random(2)));
        var (x, y) = Linear(256, seed: 3);
        var (vx, vy) = Linear(64, seed: 4);

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.01), x, y, vx, vy,
            new TrainingOptions { Epochs = 40, Seed = 5 });

        Assert.Equal(StopReason.MaxEpochs, result.StopReason);
        Assert.Equal(40, result.History.Count);
        Assert.True(result.History[^1].Loss < 0.01 * result.History[0].Loss, $"{result.History[0].Loss} -> {result.History[^1].Loss}");
        Assert.True(result.History[^1].ValLoss < 0.01 * result.History[0].ValLoss);
        Assert.Equal("val_loss", result.Monitor);
    }

    [Fact]
    public void Same_seed_gives_identical_weights()
    {
        var first = DropoutNetwork(initSeed: 1);
        var second = DropoutNetwork(initSeed: 1);

        var a = Train(first, seed: 7);
        var b = Train(second, seed: 7);

        AssertSameWeights(first, second);
        Assert.Equal(a.History.Select(h => h.Loss), b.History.Select(h => h.Loss));
    }

    [Fact]
    public void Different_seed_gives_different_weights()
    {
        var first = DropoutNetwork(initSeed: 1);
        var second = DropoutNetwork(initSeed: 1);

        Train(first, seed: 7);
        Train(second, seed: 8);

        Assert.False(SameWeights(first, second));
    }

    [Fact]
    public void Reported_losses_include_the_l2_penalty()
    {
        // One batch per epoch: the training loss is the loss at the initial weights plus l2·Σw² at them.
        var network = new Network(new Dense("hidden", 3, 4, new Random(1)), new Dense("output", 4, 1, new Random(2)));
        var (x, y) = Linear(64, seed: 3);
        var (vx, vy) = Linear(32, seed: 4);
        var adam = new Adam(network.Parameters, learningRate: 0.01, l2: 0.1);
        var expectedLoss = Trainer.Evaluate(network, Mse, x, y) + L2Regularization.Loss(network.Parameters, 0.1);

        var result = Trainer.Fit(network, Mse, adam, x, y, vx, vy, new TrainingOptions { Epochs = 1, BatchSize = 64 });

        Assert.Equal(expectedLoss, result.History[0].Loss, 5);
        var expectedValLoss = Trainer.Evaluate(network, Mse, vx, vy) + L2Regularization.Loss(network.Parameters, 0.1);
        Assert.Equal(expectedValLoss, result.History[0].ValLoss!.Value, 5);
        Assert.True(L2Regularization.Loss(network.Parameters, 0.1) > 0.01); // the penalty is not negligible here
    }

    [Fact]
    public void Early_stopping_stops_after_patience_and_restores_the_best_weights()
    {
        var (x, y) = Line(64, seed: 3, slope: 2);
        var (vx, vy) = Line(32, seed: 4, slope: -2);
        var network = Single(initSeed: 1);
        var reports = new Reports();

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.05), x, y, vx, vy,
            new TrainingOptions { Epochs = 50, Seed = 5, EarlyStoppingPatience = 3 }, reports);

        var valLosses = result.History.Select(h => h.ValLoss!.Value).ToList();
        Assert.True(valLosses.Zip(valLosses.Skip(1)).All(p => p.Second > p.First), string.Join(", ", valLosses)); // the setup
        Assert.Equal(StopReason.EarlyStopping, result.StopReason);
        Assert.Equal(4, result.EpochsRun); // epoch 1 is best, then 3 epochs without improvement
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(valLosses[0], result.BestLoss);
        Assert.True(result.RestoredBestWeights);
        Assert.Equal(4, reports.All.Count);

        var oneEpoch = Single(initSeed: 1);
        Trainer.Fit(oneEpoch, Mse, new Adam(oneEpoch.Parameters, learningRate: 0.05), x, y, vx, vy, new TrainingOptions { Epochs = 1, Seed = 5 });
        AssertSameWeights(oneEpoch, network);
    }

    [Fact]
    public void Without_restore_early_stopping_keeps_the_last_weights()
    {
        var (x, y) = Line(64, seed: 3, slope: 2);
        var (vx, vy) = Line(32, seed: 4, slope: -2);
        var network = Single(initSeed: 1);

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.05), x, y, vx, vy,
            new TrainingOptions { Epochs = 50, Seed = 5, EarlyStoppingPatience = 3, RestoreBestWeights = false });

        Assert.False(result.RestoredBestWeights);
        Assert.Equal(result.History[^1].ValLoss!.Value, Trainer.Evaluate(network, Mse, vx, vy), 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reaching_the_last_epoch_keeps_its_weights_unless_told_to_end_on_the_best(bool endOnBest)
    {
        var (x, y) = Line(64, seed: 3, slope: 2);
        var (vx, vy) = Line(32, seed: 4, slope: -2);
        var network = Single(initSeed: 1);

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.05), x, y, vx, vy,
            new TrainingOptions { Epochs = 3, Seed = 5, EarlyStoppingPatience = 10, EndOnBestWeights = endOnBest });

        Assert.Equal(StopReason.MaxEpochs, result.StopReason);
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(endOnBest, result.RestoredBestWeights);
        var expected = endOnBest ? result.History[0].ValLoss!.Value : result.History[^1].ValLoss!.Value;
        Assert.Equal(expected, Trainer.Evaluate(network, Mse, vx, vy), 6);
    }

    [Theory]
    [InlineData(0, new[] { 0.01, 0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025 })]
    [InlineData(0.004, new[] { 0.01, 0.01, 0.01, 0.005, 0.005, 0.004, 0.004 })]
    public void Reduce_on_plateau_halves_the_rate_after_its_patience(double minLearningRate, double[] expected)
    {
        var (x, y) = Line(64, seed: 3, slope: 2);
        var (vx, vy) = Line(32, seed: 4, slope: -2);
        var network = Single(initSeed: 1);
        var adam = new Adam(network.Parameters, learningRate: 0.01);

        var result = Trainer.Fit(network, Mse, adam, x, y, vx, vy,
            new TrainingOptions { Epochs = 7, ReduceLearningRatePatience = 2, MinLearningRate = minLearningRate });

        Assert.Equal(expected, result.History.Select(h => h.LearningRate));
        Assert.Equal(minLearningRate > 0 ? 0.004 : 0.00125, adam.LearningRate, 12); // reduced again after epoch 7
    }

    [Fact]
    public void Without_validation_the_training_loss_is_monitored()
    {
        var (x, y) = Linear(64, seed: 3);
        var network = new Network(new Dense("d", 3, 1, new Random(1)));

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.05), x, y, null, null, new TrainingOptions { Epochs = 5 });

        Assert.Equal("loss", result.Monitor);
        Assert.All(result.History, h => Assert.Null(h.ValLoss));
        Assert.Equal(result.History.Min(h => h.Loss), result.BestLoss);
    }

    [Fact]
    public void Cancellation_stops_between_batches()
    {
        using var cancel = new CancellationTokenSource();
        var probe = new ProbeLayer(n => { if (n == 3) cancel.Cancel(); });
        var network = new Network(new Dense("d", 3, 1, new Random(1)), probe);
        var (x, y) = Linear(128, seed: 3);

        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null,
            new TrainingOptions { Epochs = 10, BatchSize = 32 }, cancellationToken: cancel.Token));

        Assert.Equal(3, probe.TrainingForwards); // the third batch finished, the fourth never started
    }

    [Fact]
    public void A_non_finite_loss_stops_training()
    {
        var (x, y) = Linear(64, seed: 3);
        y.Data[5] = float.NaN;
        var network = new Network(new Dense("d", 3, 1, new Random(1)));

        var result = Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null, new TrainingOptions { Epochs = 10 });

        Assert.Equal(StopReason.NonFiniteLoss, result.StopReason);
        Assert.Equal(1, result.EpochsRun);
    }

    [Fact]
    public void Rows_of_inputs_and_targets_must_agree()
    {
        var (x, y) = Linear(64, seed: 3);
        var network = new Network(new Dense("d", 3, 1, new Random(1)));

        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Mse, new Adam(network.Parameters), x, TensorRows.Slice(y, 0, 10), null, null, new TrainingOptions()));
        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, x, null, new TrainingOptions()));
    }

    [Fact]
    public void Epoch_seeds_differ_between_neighbouring_seeds_and_epochs()
    {
        var seeds = new HashSet<int>();
        for (var seed = 0; seed < 20; seed++)
            for (var epoch = 1; epoch <= 20; epoch++)
                Assert.True(seeds.Add(Trainer.EpochSeed(seed, epoch)));
        // Unrelated streams, not neighbouring numbers: 400 mixed seeds spread over the int range.
        Assert.True(seeds.Max() - (long)seeds.Min() > int.MaxValue / 2, $"seeds span only {seeds.Min()}..{seeds.Max()}");
        Assert.InRange(seeds.Select(s => (double)s).Average(), int.MaxValue * 0.4, int.MaxValue * 0.6);
    }

    [Fact]
    public void Epoch_seeds_are_the_same_for_the_same_seed_and_epoch()
    {
        Assert.Equal(Trainer.EpochSeed(42, 7), Trainer.EpochSeed(42, 7));
        Assert.NotEqual(Trainer.EpochSeed(42, 7), Trainer.EpochSeed(7, 42));
    }
}
