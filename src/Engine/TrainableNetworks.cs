namespace iAyos.Messaging.Engine;

/// <summary>Inference over many rows for any <see cref="ITrainableNetwork"/>.</summary>
public static class TrainableNetworks
{
    /// <summary>Inference over the rows of <paramref name="inputs"/> (all with the same rows), <paramref name="batchSize"/>
    /// rows at a time so memory stays bounded; the outputs are stacked in row order.</summary>
    public static Tensor Predict(this ITrainableNetwork network, IReadOnlyList<Tensor> inputs, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var rows = TensorRows.Count(inputs);
        if (rows == 0) throw new ArgumentException("Predict needs at least one row.", nameof(inputs));
        Tensor? result = null;
        var outputRow = 0;
        for (var start = 0; start < rows; start += batchSize)
        {
            var count = Math.Min(batchSize, rows - start);
            var output = network.Forward(TensorRows.Slice(inputs, start, count), null);
            if (result is null)
            {
                var shape = (int[])output.Shape.Clone();
                shape[0] = rows;
                result = Tensor.Zeros(shape);
                outputRow = output.Length / count;
            }
            Array.Copy(output.Data, 0, result.Data, start * outputRow, output.Length);
        }
        return result!;
    }
}
