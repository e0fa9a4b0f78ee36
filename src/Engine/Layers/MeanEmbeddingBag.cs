using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// A bag of ids pooled to one vector, as torch's <c>nn.EmbeddingBag(mode='mean')</c> with padding index 0:
/// [batch, length] ids -> [batch, dimension], each row the mean of the vectors of its non-zero ids. Id 0 is padding
/// and is skipped (its row of the table is never read or trained); a row of only padding pools to zeros. Ids arrive
/// float-coded like <see cref="Embedding"/>'s and must be exact integers in [0, vocabulary). Weights start uniform in
/// (−0.05, 0.05) as the engine's other embeddings.
/// </summary>
public sealed class MeanEmbeddingBag : ILayer
{
    public const int Padding = 0;

    private int[]? _ids;
    private int[]? _counts;
    private int[]? _inputShape;

    public MeanEmbeddingBag(string name, int vocabulary, int dimension, Random init)
    {
        if (vocabulary <= 0 || vocabulary > Embedding.MaxVocabulary)
            throw new ArgumentOutOfRangeException(nameof(vocabulary), vocabulary, $"Embedding vocabulary must be in [1, {Embedding.MaxVocabulary}] (ids are float-coded).");
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Embedding dimension must be positive.");
        Name = name;
        Vocabulary = vocabulary;
        Dimension = dimension;
        var table = Tensor.Zeros(vocabulary, dimension);
        for (var i = 0; i < table.Length; i++) table.Data[i] = (float)((init.NextDouble() * 2 - 1) * 0.05);
        Embeddings = new Parameter($"{name}/embeddings", table, isKernel: false);
        Parameters = [Embeddings];
    }

    public string Name { get; }
    public int Vocabulary { get; }
    public int Dimension { get; }

    /// <summary>[vocabulary, dimension]; row i is the vector of id i (row 0, padding, is unused).</summary>
    public Parameter Embeddings { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 2) throw new ArgumentException($"{Name} expects ids as [batch, length], got {input}.", nameof(input));
        int batch = input.Dim(0), length = input.Dim(1);
        var ids = new int[input.Length];
        var counts = new int[batch];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = input.Data[i];
            if (!(id >= 0 && id < Vocabulary) || id != MathF.Floor(id))
                throw new ArgumentException($"{Name}: id {id} at position {i} of {input} is not an integer in [0, {Vocabulary}).", nameof(input));
            ids[i] = (int)id;
            if (ids[i] != Padding) counts[i / length]++;
        }
        var output = Tensor.Zeros(batch, Dimension);
        var table = Embeddings.Value.Data;
        for (var b = 0; b < batch; b++)
        {
            if (counts[b] == 0) continue;
            var row = output.Data.AsSpan(b * Dimension, Dimension);
            for (var s = 0; s < length; s++)
            {
                var id = ids[b * length + s];
                if (id != Padding) MatrixMath.MultiplyAdd(1f, table.AsSpan(id * Dimension, Dimension), row);
            }
            MatrixMath.Divide(row, counts[b]);
        }
        (_ids, _counts, _inputShape) = (ids, counts, input.Shape);
        return output;
    }

    /// <summary>Each non-padding id's row gains its bag's gradient divided by the bag's size. Ids are not
    /// differentiable: the input gradient is zeros.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var ids = _ids ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        var (counts, shape) = (_counts!, _inputShape!);
        int batch = shape[0], length = shape[1];
        if (outputGradient.Length != batch * Dimension)
            throw new ArgumentException($"{Name} produced [{batch}, {Dimension}], got a gradient {outputGradient}.", nameof(outputGradient));
        var grad = Embeddings.Grad.Data;
        for (var b = 0; b < batch; b++)
        {
            if (counts[b] == 0) continue;
            var scale = 1f / counts[b];
            var g = outputGradient.Data.AsSpan(b * Dimension, Dimension);
            for (var s = 0; s < length; s++)
            {
                var id = ids[b * length + s];
                if (id != Padding) MatrixMath.MultiplyAdd(scale, g, grad.AsSpan(id * Dimension, Dimension));
            }
        }
        return Tensor.Zeros(shape);
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var ids = export.Name(Name, "ids");
        export.Graph.AddNode("Cast", [input], [ids], OnnxAttribute.Int("to", OnnxGraphBuilder.Int64Type));
        return ExportOnnxFromIds(export, ids);
    }

    /// <summary>The pooling over int64 [batch, length] ids (a graph input, as served): Gather, a mask of the
    /// non-padding ids, ReduceSum over the bag and division by max(count, 1).</summary>
    public string ExportOnnxFromIds(OnnxExport export, string int64Ids)
    {
        var (table, zero, axis, lastAxis, one) = (export.Name(Name, "embeddings"), export.Name(Name, "padding"), export.Name(Name, "bag_axis"),
            export.Name(Name, "vector_axis"), export.Name(Name, "one"));
        var (vectors, present, mask, maskAxis, masked) = (export.Name(Name, "vectors"), export.Name(Name, "present"), export.Name(Name, "mask"),
            export.Name(Name, "mask_3d"), export.Name(Name, "masked"));
        var (sum, count, divisor, output) = (export.Name(Name, "sum"), export.Name(Name, "count"), export.Name(Name, "divisor"), export.Name(Name, "output"));
        export.Graph
            .AddInitializer(table, Embeddings.Value.Data, Vocabulary, Dimension)
            .AddInitializer(zero, new long[] { Padding })
            .AddInitializer(axis, new long[] { 1 }, 1)
            .AddInitializer(lastAxis, new long[] { 2 }, 1)
            .AddInitializer(one, [1f])
            .AddNode("Gather", [table, int64Ids], [vectors], OnnxAttribute.Int("axis", 0))           // [batch, length, dimension]
            .AddNode("Greater", [int64Ids, zero], [present])
            .AddNode("Cast", [present], [mask], OnnxAttribute.Int("to", OnnxGraphBuilder.Float32))   // [batch, length]
            .AddNode("Unsqueeze", [mask, lastAxis], [maskAxis])                                       // [batch, length, 1]
            .AddNode("Mul", [vectors, maskAxis], [masked])                                            // padding vectors zeroed
            .AddNode("ReduceSum", [masked, axis], [sum], OnnxAttribute.Int("keepdims", 0))           // [batch, dimension]
            .AddNode("ReduceSum", [mask, axis], [count], OnnxAttribute.Int("keepdims", 1))           // [batch, 1]
            .AddNode("Max", [count, one], [divisor])
            .AddNode("Div", [sum, divisor], [output]);
        return output;
    }
}
