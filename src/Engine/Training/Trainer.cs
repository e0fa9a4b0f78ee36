using System.Diagnostics;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;

namespace iAyos.Messaging.Engine.Training;

/// <summary>
/// Keras' fit loop: mini-batches of a per-epoch shuffle, one optimizer step each; per epoch the loss (batch
/// losses weighted by rows, plus the regularization term), val_loss, early stopping, learning-rate reduction and
/// an atomic checkpoint. Deterministic: epoch e's shuffle and dropout masks come from one Random seeded by
/// (seed, e), so the same seed, data and initial weights give bit-identical weights, resumed or not.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> in place.</summary>
    /// <param name="trainX">Rows on the first axis ([rows, features] or [rows, time, features]).</param>
    /// <param name="trainY">Targets, one per row of <paramref name="trainX"/>.</param>
    /// <param name="valX">Validation rows (monitored as val_loss), or null to monitor the training loss.</param>
    /// <param name="progress">Told each epoch's report as the epoch ends, on the training thread.</param>
    /// <param name="cancellationToken">Checked before every batch; cancelling throws <see cref="OperationCanceledException"/>.</param>
    public static TrainingResult Fit(Network network, ILoss loss, IOptimizer optimizer, Tensor trainX, Tensor trainY,
        Tensor? valX, Tensor? valY, TrainingOptions options, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainX);
        return Fit((ITrainableNetwork)network, loss, optimizer, [trainX], trainY, valX is null ? null : [valX], valY, options,
            progress, cancellationToken);
    }

    /// <summary>Trains a model with one or more inputs in place: each mini-batch gathers the same rows from every input.</summary>
    /// <param name="trainInputs">The model's inputs, each with the rows on the first axis, all with the same rows.</param>
    /// <param name="trainY">Targets, one per row.</param>
    /// <param name="valInputs">Validation inputs (monitored as val_loss), or null to monitor the training loss.</param>
    /// <param name="progress">Told each epoch's report as the epoch ends, on the training thread.</param>
    /// <param name="cancellationToken">Checked before every batch; cancelling throws <see cref="OperationCanceledException"/>.</param>
    public static TrainingResult Fit(ITrainableNetwork network, ILoss loss, IOptimizer optimizer, IReadOnlyList<Tensor> trainInputs,
        Tensor trainY, IReadOnlyList<Tensor>? valInputs, Tensor? valY, TrainingOptions options,
        IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rows = CheckRows(trainInputs, trainY, nameof(trainY));
        if ((valInputs is null) != (valY is null)) throw new ArgumentException("Give both validation inputs and targets, or neither.", nameof(valY));
        if (valInputs is not null)
        {
            if (valInputs.Count != trainInputs.Count)
                throw new ArgumentException($"Training has {trainInputs.Count} inputs, validation {valInputs.Count}.", nameof(valInputs));
            CheckRows(valInputs, valY!, nameof(valY));
        }

        var monitor = valInputs is null ? "loss" : "val_loss";
        var stopping = new EarlyStopping(options.EarlyStoppingPatience, options.EarlyStoppingMinDelta);
        var plateau = options.ReduceLearningRatePatience is { } p
            ? new ReduceLearningRateOnPlateau(options.ReduceLearningRateFactor, p, options.MinLearningRate,
                options.ReduceLearningRateMinDelta, options.ReduceLearningRateCooldown)
            : null;
        var keepBest = options.EarlyStoppingPatience is not null && options.RestoreBestWeights;
        NamedTensor[]? bestWeights = null;
        var history = new List<EpochReport>();
        var startEpoch = 1;

        if (options.ResumeFrom is { } resumeFrom)
        {
            var checkpoint = Checkpoint.Load(resumeFrom);
            if (checkpoint.Seed != options.Seed)
                throw new InvalidOperationException($"{resumeFrom} was trained with seed {checkpoint.Seed}, not {options.Seed}; resuming would not continue that run.");
            checkpoint.RestoreWeights(network);
            checkpoint.RestoreOptimizer(optimizer);
            stopping.Restore(checkpoint.BestLoss, checkpoint.BestEpoch, checkpoint.EarlyStoppingWait);
            plateau?.Restore(checkpoint.PlateauBest, checkpoint.PlateauWait, checkpoint.PlateauCooldown);
            if (keepBest && checkpoint.BestWeights is { } best) bestWeights = Checkpoint.Copy(best);
            history.AddRange(checkpoint.History);
            startEpoch = checkpoint.Epoch + 1;
            // A checkpoint written by the epoch that stopped the run resumes as that stopped run.
            if (stopping.ShouldStop(checkpoint.Epoch))
                return Finish(network, stopping, bestWeights, startEpoch, checkpoint.Epoch, monitor, history, StopReason.EarlyStopping, options.EndOnBestWeights);
        }

        var batchX = Buffers(trainInputs, Math.Min(options.BatchSize, rows));
        var batchY = TensorRows.Buffer(trainY, batchX[0].Dim(0));
        var order = new int[rows];
        var lastEpoch = startEpoch - 1;
        for (var epoch = startEpoch; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(EpochSeed(options.Seed, epoch));
            for (var i = 0; i < rows; i++) order[i] = i;
            if (options.Shuffle) Shuffle(order, random);

            var learningRate = optimizer.LearningRate;
            double lossSum = 0;
            for (var start = 0; start < rows; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(options.BatchSize, rows - start);
                if (count != batchY.Dim(0))
                {
                    batchX = Buffers(trainInputs, count);
                    batchY = TensorRows.Buffer(trainY, count);
                }
                for (var i = 0; i < batchX.Length; i++) TensorRows.Gather(trainInputs[i], order.AsSpan(start, count), batchX[i]);
                TensorRows.Gather(trainY, order.AsSpan(start, count), batchY);
                network.ZeroGrad();
                var (batchLoss, gradient) = loss.Compute(network.Forward(batchX, random), batchY);
                // Keras reports the penalty at the weights the batch was computed with, before the step.
                lossSum += (batchLoss + optimizer.RegularizationLoss()) * count;
                network.Backward(gradient);
                optimizer.Step();
            }
            var trainLoss = lossSum / rows;
            double? valLoss = valInputs is null ? null : Evaluate(network, loss, valInputs, valY!, options.BatchSize) + optimizer.RegularizationLoss();
            var monitored = valLoss ?? trainLoss;
            lastEpoch = epoch;

            var improved = stopping.Update(epoch, monitored);
            if (keepBest && improved) bestWeights = Checkpoint.Copy(network.Weights);
            if (plateau is not null) optimizer.LearningRate = plateau.Update(monitored, optimizer.LearningRate);
            var report = new EpochReport(epoch, trainLoss, valLoss, learningRate, clock.Elapsed);
            history.Add(report);
            if (options.CheckpointPath is { } path && (options.CheckpointEveryEpoch || improved))
                Capture(network, optimizer, options.Seed, epoch, stopping, plateau, history, keepBest ? bestWeights : null).Save(path);
            progress?.Report(report);

            if (!double.IsFinite(trainLoss))
                return Finish(network, stopping, bestWeights, startEpoch, epoch, monitor, history, StopReason.NonFiniteLoss, options.EndOnBestWeights);
            if (stopping.ShouldStop(epoch))
                return Finish(network, stopping, bestWeights, startEpoch, epoch, monitor, history, StopReason.EarlyStopping, options.EndOnBestWeights);
        }
        return Finish(network, stopping, bestWeights, startEpoch, lastEpoch, monitor, history, StopReason.MaxEpochs, options.EndOnBestWeights);
    }

    /// <summary>The mean loss over all rows in inference mode (batch losses weighted by rows, as Keras' evaluate),
    /// without the regularization term.</summary>
    public static double Evaluate(Network network, ILoss loss, Tensor x, Tensor y, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Evaluate((ITrainableNetwork)network, loss, [x], y, batchSize);
    }

    /// <summary>The mean loss over all rows of a model's inputs in inference mode, without the regularization term.</summary>
    public static double Evaluate(ITrainableNetwork network, ILoss loss, IReadOnlyList<Tensor> inputs, Tensor y, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var rows = CheckRows(inputs, y, nameof(y));
        double sum = 0;
        for (var start = 0; start < rows; start += batchSize)
        {
            var count = Math.Min(batchSize, rows - start);
            var prediction = network.Forward(TensorRows.Slice(inputs, start, count), null);
            sum += loss.Compute(prediction, TensorRows.Slice(y, start, count)).Loss * count;
        }
        return sum / rows;
    }

    /// <summary>The seed of epoch <paramref name="epoch"/>'s Random: SplitMix64 of (seed, epoch), so neighbouring
    /// seeds and epochs give unrelated streams.</summary>
    public static int EpochSeed(int seed, int epoch)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)epoch;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z >> 33);
    }

    /// <summary>Fisher-Yates written out rather than Random.Shuffle, whose draws are the runtime's to change.</summary>
    private static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static TrainingResult Finish(ITrainableNetwork network, EarlyStopping stopping, NamedTensor[]? bestWeights, int startEpoch,
        int lastEpoch, string monitor, List<EpochReport> history, StopReason reason, bool endOnBest)
    {
        // Keras restores only on an early stop, and only when the best epoch is not the last one anyway.
        var restore = (reason == StopReason.EarlyStopping || endOnBest) && bestWeights is not null && stopping.BestEpoch != lastEpoch;
        if (restore) Checkpoint.CopyInto(bestWeights!, network.Weights, "best weights");
        return new TrainingResult(startEpoch, lastEpoch, monitor, stopping.BestEpoch, stopping.Best, history, reason, restore);
    }

    private static Checkpoint Capture(ITrainableNetwork network, IOptimizer optimizer, int seed, int epoch, EarlyStopping stopping,
        ReduceLearningRateOnPlateau? plateau, List<EpochReport> history, NamedTensor[]? bestWeights) => new()
    {
        Seed = seed,
        Epoch = epoch,
        LearningRate = optimizer.LearningRate,
        OptimizerIterations = optimizer.Iterations,
        BestLoss = stopping.Best,
        BestEpoch = stopping.BestEpoch,
        EarlyStoppingWait = stopping.Wait,
        PlateauBest = plateau?.Best ?? double.PositiveInfinity,
        PlateauWait = plateau?.Wait ?? 0,
        PlateauCooldown = plateau?.CooldownCounter ?? 0,
        History = [.. history],
        Weights = Checkpoint.Copy(network.Weights),
        OptimizerSlots = Checkpoint.Copy(optimizer.Slots),
        BestWeights = bestWeights,
    };

    private static int CheckRows(IReadOnlyList<Tensor> inputs, Tensor y, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(y);
        var rows = TensorRows.Count(inputs);
        if (rows == 0) throw new ArgumentException($"No rows to train or evaluate on: {inputs[0]}.", name);
        if (TensorRows.Count(y) != rows) throw new ArgumentException($"Inputs {inputs[0]} and targets {y} differ in rows.", name);
        return rows;
    }

    private static Tensor[] Buffers(IReadOnlyList<Tensor> inputs, int rows) => [.. inputs.Select(t => TensorRows.Buffer(t, rows))];
}
