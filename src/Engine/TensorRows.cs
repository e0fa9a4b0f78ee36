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
}
