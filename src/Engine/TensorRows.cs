namespace iAyos.Messaging.Engine;

/// <summary>Rows (first-axis slices) of batch-first tensors, copied into new or reused tensors.</summary>
public static class TensorRows
{
    public static int Count(Tensor t) => t.Rank == 0 ? 0 : t.Dim(0);

    /// <summary>Rows [start, start + count) as a new tensor.</summary>
    public static Tensor Slice(Tensor source, int start, int count)
    {
        var rows = Count(source);
        if (start < 0 || count < 0 || start + count > rows)
            throw new ArgumentOutOfRangeException(nameof(count), $"Rows {start}..{start + count} are outside {source}.");
        var rowSize = rows == 0 ? 0 : source.Length / rows;
        var shape = (int[])source.Shape.Clone();
        shape[0] = count;
        var data = new float[count * rowSize];
        Array.Copy(source.Data, start * rowSize, data, 0, data.Length);
        return new Tensor(data, shape);
    }

    /// <summary>Copies the rows of <paramref name="source"/> that <paramref name="order"/> names, in that order, into
    /// <paramref name="target"/>, whose first dimension must be the length of <paramref name="order"/>.</summary>
    public static void Gather(Tensor source, ReadOnlySpan<int> order, Tensor target)
    {
        var rowSize = source.Length / Count(source);
        if (target.Length != order.Length * rowSize)
            throw new ArgumentException($"{target} does not hold {order.Length} rows of {source}.", nameof(target));
        for (var i = 0; i < order.Length; i++)
            Array.Copy(source.Data, order[i] * rowSize, target.Data, i * rowSize, rowSize);
    }

    /// <summary>A tensor shaped like <paramref name="like"/> with <paramref name="rows"/> rows.</summary>
    public static Tensor Buffer(Tensor like, int rows)
    {
        var shape = (int[])like.Shape.Clone();
        shape[0] = rows;
        return Tensor.Zeros(shape);
    }

    /// <summary>The rows shared by every input of a multi-input model; throws when there are no inputs or they differ.</summary>
    public static int Count(IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new ArgumentException("A model needs at least one input.", nameof(inputs));
        var rows = Count(inputs[0] ?? throw new ArgumentNullException(nameof(inputs)));
        for (var i = 1; i < inputs.Count; i++)
        {
            var other = inputs[i] ?? throw new ArgumentNullException(nameof(inputs));
            if (Count(other) != rows)
                throw new ArgumentException($"Input {i} {other} has {Count(other)} rows, input 0 {inputs[0]} has {rows}.", nameof(inputs));
        }
        return rows;
    }

    /// <summary>Rows [start, start + count) of every input.</summary>
    public static Tensor[] Slice(IReadOnlyList<Tensor> inputs, int start, int count) =>
        [.. inputs.Select(t => Slice(t, start, count))];
}
