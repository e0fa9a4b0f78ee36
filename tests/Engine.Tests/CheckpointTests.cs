using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using static iAyos.Messaging.Engine.Tests.TrainingFixtures;

namespace iAyos.Messaging.Engine.Tests;

public sealed class CheckpointTests : IDisposable
{
    private static readonly MeanSquaredError Mse = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("iayos-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static Adam AdamFor(Network network) => new(network.Parameters, learningRate: 0.02, l2: 0.001, globalClipNorm: 1);

    /// <summary>Dropout, L2, clipping, a learning-rate reduction and early stopping all carry state across epochs.</summary>
    private static TrainingOptions Options(int epochs) => new()
    {
        Epochs = epochs, BatchSize = 16, Seed = 11,
        EarlyStoppingPatience = 4, ReduceLearningRatePatience = 2, ReduceLearningRateMinDelta = 0.01,
    };

    private static TrainingResult Fit(Network network, IOptimizer optimizer, TrainingOptions options)
    {
        var (x, y) = Linear(100, seed: 3);
        var (vx, vy) = Linear(40, seed: 4);
        return Trainer.Fit(network, Mse, optimizer, x, y, vx, vy, options);
    }

    [Fact]
    public void A_loaded_checkpoint_gives_the_same_predictions()
    {
        var path = PathOf("model.ckpt");
        var network = DropoutNetwork(initSeed: 1);
        Fit(network, AdamFor(network), Options(3) with { CheckpointPath = path, CheckpointEveryEpoch = true });

        var fresh = DropoutNetwork(initSeed: 99);
        var checkpoint = Checkpoint.Load(path);
        checkpoint.RestoreWeights(fresh);

        var x = Linear(20, seed: 9).X;
        Assert.Equal(network.Predict(x).Data, fresh.Predict(x).Data);
        Assert.Equal(3, checkpoint.Epoch);
        Assert.Equal(3, checkpoint.History.Count);
        Assert.Equal(11, checkpoint.Seed);
    }

    [Fact]
    public void Resuming_continues_exactly_where_a_straight_run_would_be()
    {
        var straight = DropoutNetwork(initSeed: 1);
        var straightAdam = AdamFor(straight);
        var expected = Fit(straight, straightAdam, Options(8));
        // The rate is halved after epoch 6, whose val_loss is the second without beating the best by 0.01:
        // a resume after epoch 5 only gets that right by restoring the plateau counters.
        Assert.Equal(0.01, expected.History[^1].LearningRate);

        var path = PathOf("run.ckpt");
        var firstHalf = DropoutNetwork(initSeed: 1);
        Fit(firstHalf, AdamFor(firstHalf), Options(5) with { CheckpointPath = path, CheckpointEveryEpoch = true });
        var resumed = DropoutNetwork(initSeed: 42);
        var resumedAdam = AdamFor(resumed);
        var result = Fit(resumed, resumedAdam, Options(8) with { ResumeFrom = path });

        AssertSameWeights(straight, resumed);
        Assert.Equal(6, result.StartEpoch);
        Assert.Equal(8, result.EpochsRun);
        Assert.Equal(expected.History.Select(h => (h.Epoch, h.Loss, h.ValLoss, h.LearningRate)),
            result.History.Select(h => (h.Epoch, h.Loss, h.ValLoss, h.LearningRate)));
        Assert.Equal(straightAdam.Iterations, resumedAdam.Iterations);
        Assert.Equal(straightAdam.LearningRate, resumedAdam.LearningRate);
        Assert.Equal(expected.BestEpoch, result.BestEpoch);
    }

    [Fact]
    public void A_resumed_run_restores_best_weights_from_before_the_resume()
    {
        var (x, y) = Line(64, seed: 3, slope: 2);
        var (vx, vy) = Line(32, seed: 4, slope: -2);
        var options = new TrainingOptions { Epochs = 50, Seed = 5, EarlyStoppingPatience = 3 };
        var straight = Single(initSeed: 1);
        Trainer.Fit(straight, Mse, new Adam(straight.Parameters, learningRate: 0.05), x, y, vx, vy, options);

        var path = PathOf("early.ckpt");
        var firstPart = Single(initSeed: 1);
        Trainer.Fit(firstPart, Mse, new Adam(firstPart.Parameters, learningRate: 0.05), x, y, vx, vy,
            options with { Epochs = 2, CheckpointPath = path, CheckpointEveryEpoch = true });
        var resumed = Single(initSeed: 2);
        var result = Trainer.Fit(resumed, Mse, new Adam(resumed.Parameters, learningRate: 0.05), x, y, vx, vy, options with { ResumeFrom = path });

        Assert.Equal(StopReason.EarlyStopping, result.StopReason);
        Assert.Equal(4, result.EpochsRun);
        Assert.True(result.RestoredBestWeights);
        AssertSameWeights(straight, resumed);
    }

    [Fact]
    public void Checkpoints_are_written_only_on_improvement_unless_asked_for_every_epoch()
    {
        var (x, y) = Line(64, seed: 3, slope: 2);
        var (vx, vy) = Line(32, seed: 4, slope: -2); // val_loss only rises: epoch 1 is the only improvement
        var path = PathOf("best.ckpt");
        var network = Single(initSeed: 1);

        Trainer.Fit(network, Mse, new Adam(network.Parameters, learningRate: 0.05), x, y, vx, vy, new TrainingOptions { Epochs = 3, CheckpointPath = path });

        Assert.Equal(1, Checkpoint.Load(path).Epoch);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_directory).Select(Path.GetFileName)); // no temporary file left
    }

    [Fact]
    public void Layer_state_is_saved_and_restored()
    {
        var path = PathOf("state.ckpt");
        var counter = new RowCounter("counter");
        var network = new Network(new Dense("d", 3, 1, new Random(1)), counter);
        var (x, y) = Linear(50, seed: 3);
        Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null,
            new TrainingOptions { Epochs = 2, CheckpointPath = path, CheckpointEveryEpoch = true });

        var freshCounter = new RowCounter("counter");
        Checkpoint.Load(path).RestoreWeights(new Network(new Dense("d", 3, 1, new Random(5)), freshCounter));

        Assert.Equal(100, freshCounter.Seen);
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused()
    {
        var path = PathOf("other.ckpt");
        var network = new Network(new Dense("d", 3, 2, new Random(1)), new Dense("out", 2, 1, new Random(1)));
        var (x, y) = Linear(32, seed: 3);
        Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null, new TrainingOptions { Epochs = 1, CheckpointPath = path });

        var checkpoint = Checkpoint.Load(path);

        Assert.Throws<InvalidOperationException>(() => checkpoint.RestoreWeights(new Network(new Dense("d", 3, 4, new Random(1)), new Dense("out", 4, 1, new Random(1)))));
        Assert.Throws<InvalidOperationException>(() => checkpoint.RestoreWeights(new Network(new Dense("d", 3, 2, new Random(1)))));
    }

    [Fact]
    public void Resuming_with_another_seed_is_refused()
    {
        var path = PathOf("seeded.ckpt");
        var network = new Network(new Dense("d", 3, 1, new Random(1)));
        var (x, y) = Linear(32, seed: 3);
        Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null, new TrainingOptions { Epochs = 1, Seed = 1, CheckpointPath = path });

        Assert.Throws<InvalidOperationException>(() => Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null,
            new TrainingOptions { Epochs = 2, Seed = 2, ResumeFrom = path }));
    }

    [Fact]
    public void Truncated_or_foreign_files_are_rejected()
    {
        var path = PathOf("model.ckpt");
        var network = new Network(new Dense("d", 3, 1, new Random(1)));
        var (x, y) = Linear(32, seed: 3);
        Trainer.Fit(network, Mse, new Adam(network.Parameters), x, y, null, null, new TrainingOptions { Epochs = 1, CheckpointPath = path });
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^7]);
        Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        File.WriteAllBytes(path, [.. "NOTACKPT"u8, .. bytes[8..]]);
        Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        File.WriteAllBytes(path, [.. bytes, 0]);
        Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
    }
}
