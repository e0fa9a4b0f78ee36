using System.Runtime.InteropServices;
using System.Text;
using iAyos.Messaging.Engine.Optimizers;

namespace iAyos.Messaging.Engine.Training;

/// <summary>
/// Everything a run needs to continue exactly after <see cref="Epoch"/>: weights and layer state, the optimizer's
/// moments, step count and learning rate, the callbacks' counters, the best weights (for a later restore) and
/// the history. Nothing random needs saving: every epoch re-seeds from (seed, epoch). The file is little-endian
/// binary ("IAYOSCKP", version, fields, then tensors as name, shape and raw float32) and is replaced atomically.
/// </summary>
public sealed record Checkpoint
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "IAYOSCKP"u8.ToArray();

    public required int Seed { get; init; }

    /// <summary>The last completed epoch (1-based).</summary>
    public required int Epoch { get; init; }

    /// <summary>The rate the next epoch runs with (after any reduction at the end of <see cref="Epoch"/>).</summary>
    public required double LearningRate { get; init; }

    public required long OptimizerIterations { get; init; }
    public required double BestLoss { get; init; }
    public required int BestEpoch { get; init; }
    public required int EarlyStoppingWait { get; init; }
    public required double PlateauBest { get; init; }
    public required int PlateauWait { get; init; }
    public required int PlateauCooldown { get; init; }
    public required IReadOnlyList<EpochReport> History { get; init; }

    /// <summary>Copies of <see cref="ITrainableNetwork.Weights"/>.</summary>
    public required IReadOnlyList<NamedTensor> Weights { get; init; }

    /// <summary>Copies of <see cref="IOptimizer.Slots"/>.</summary>
    public required IReadOnlyList<NamedTensor> OptimizerSlots { get; init; }

    /// <summary>The best epoch's weights when early stopping may restore them; null otherwise.</summary>
    public IReadOnlyList<NamedTensor>? BestWeights { get; init; }

    /// <summary>Copies a network's weights into it; names and shapes must match (the same architecture).</summary>
    public void RestoreWeights(ITrainableNetwork network) => CopyInto(Weights, network.Weights, "weights");

    /// <summary>Puts back the optimizer's moments, step count and learning rate.</summary>
    public void RestoreOptimizer(IOptimizer optimizer)
    {
        CopyInto(OptimizerSlots, optimizer.Slots, "optimizer state");
        optimizer.Iterations = OptimizerIterations;
        optimizer.LearningRate = LearningRate;
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, flushes it to disk, then renames it over
    /// <paramref name="path"/>: a crash leaves the old checkpoint or the new one, never half of one.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) Write(writer);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static Checkpoint Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            var checkpoint = Read(reader);
            if (stream.Position != stream.Length) throw new InvalidDataException($"{path} has data after the checkpoint.");
            return checkpoint;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is a truncated checkpoint.", e);
        }
    }

    private void Write(BinaryWriter w)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Checkpoints are written on little-endian machines.");
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Seed);
        w.Write(Epoch);
        w.Write(LearningRate);
        w.Write(OptimizerIterations);
        w.Write(BestLoss);
        w.Write(BestEpoch);
        w.Write(EarlyStoppingWait);
        w.Write(PlateauBest);
        w.Write(PlateauWait);
        w.Write(PlateauCooldown);
        w.Write(History.Count);
        foreach (var e in History)
        {
            w.Write(e.Epoch);
            w.Write(e.Loss);
            w.Write(e.ValLoss ?? double.NaN);
            w.Write(e.ValLoss.HasValue);
            w.Write(e.LearningRate);
            w.Write(e.Elapsed.Ticks);
        }
        WriteTensors(w, Weights);
        WriteTensors(w, OptimizerSlots);
        w.Write(BestWeights is not null);
        if (BestWeights is not null) WriteTensors(w, BestWeights);
    }

    private static Checkpoint Read(BinaryReader r)
    {
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a training checkpoint.");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Checkpoint format {version} is not the supported {FormatVersion}.");
        var seed = r.ReadInt32();
        var epoch = r.ReadInt32();
        var learningRate = r.ReadDouble();
        var iterations = r.ReadInt64();
        var bestLoss = r.ReadDouble();
        var bestEpoch = r.ReadInt32();
        var wait = r.ReadInt32();
        var plateauBest = r.ReadDouble();
        var plateauWait = r.ReadInt32();
        var plateauCooldown = r.ReadInt32();
        var history = new EpochReport[Count(r)];
        for (var i = 0; i < history.Length; i++)
        {
            var e = r.ReadInt32();
            var loss = r.ReadDouble();
            var valLoss = r.ReadDouble();
            var hasValLoss = r.ReadBoolean();
            history[i] = new EpochReport(e, loss, hasValLoss ? valLoss : null, r.ReadDouble(), TimeSpan.FromTicks(r.ReadInt64()));
        }
        return new Checkpoint
        {
            Seed = seed, Epoch = epoch, LearningRate = learningRate, OptimizerIterations = iterations,
            BestLoss = bestLoss, BestEpoch = bestEpoch, EarlyStoppingWait = wait,
            PlateauBest = plateauBest, PlateauWait = plateauWait, PlateauCooldown = plateauCooldown,
            History = history,
            Weights = ReadTensors(r),
            OptimizerSlots = ReadTensors(r),
            BestWeights = r.ReadBoolean() ? ReadTensors(r) : null,
        };
    }

    private static void WriteTensors(BinaryWriter w, IReadOnlyList<NamedTensor> tensors)
    {
        w.Write(tensors.Count);
        foreach (var (name, value) in tensors)
        {
            w.Write(name);
            w.Write(value.Rank);
            foreach (var d in value.Shape) w.Write(d);
            w.Write(MemoryMarshal.AsBytes(value.Data.AsSpan()));
        }
    }

    private static NamedTensor[] ReadTensors(BinaryReader r)
    {
        var tensors = new NamedTensor[Count(r)];
        for (var i = 0; i < tensors.Length; i++)
        {
            var name = r.ReadString();
            var shape = new int[Count(r)];
            long size = 1;
            for (var d = 0; d < shape.Length; d++) size *= shape[d] = Count(r);
            if (size > Array.MaxLength / sizeof(float)) throw new InvalidDataException($"Tensor {name} is too large.");
            var bytes = r.ReadBytes((int)size * sizeof(float));
            if (bytes.Length != size * sizeof(float)) throw new EndOfStreamException();
            tensors[i] = new NamedTensor(name, new Tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape));
        }
        return tensors;
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n >= 0 ? n : throw new InvalidDataException($"Negative count {n} in checkpoint.");
    }

    internal static NamedTensor[] Copy(IReadOnlyList<NamedTensor> tensors) => [.. tensors.Select(t => t with { Value = t.Value.Clone() })];

    internal static void CopyInto(IReadOnlyList<NamedTensor> source, IReadOnlyList<NamedTensor> target, string what)
    {
        if (source.Count != target.Count)
            throw new InvalidOperationException($"The checkpoint holds {source.Count} tensors of {what}, the model has {target.Count}.");
        for (var i = 0; i < source.Count; i++)
        {
            var (s, t) = (source[i], target[i]);
            if (s.Name != t.Name || !s.Value.Shape.AsSpan().SequenceEqual(t.Value.Shape))
                throw new InvalidOperationException($"Checkpoint {what} [{i}] is {s.Name} {s.Value}, the model has {t.Name} {t.Value}.");
        }
        for (var i = 0; i < source.Count; i++) source[i].Value.Data.CopyTo(target[i].Value.Data, 0);
    }
}
