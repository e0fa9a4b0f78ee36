using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// A lookup table, as Keras' <c>Embedding</c>: [batch, length] ids -> [batch, length, dimension]. Tensors are
/// float, so ids arrive float-coded and must be exact integers in [0, vocabulary). Weights start uniform in
/// (−0.05, 0.05) as Keras' default; L2 applies to them only when asked (Keras' embeddings_regularizer is
/// separate from kernel_regularizer and off by default).
/// </summary>
public sealed class Embedding : ILayer
{
    /// <summary>Every integer up to 2^24 is exact in float32; beyond it ids could not be told apart.</summary>
    public const int MaxVocabulary = 1 << 24;

    private int[]? _ids;
    private int[]? _inputShape;

    public Embedding(string name, int vocabulary, int dimension, Random init, bool regularized = false)
    {
        if (vocabulary <= 0 || vocabulary > MaxVocabulary)
            throw new ArgumentOutOfRangeException(nameof(vocabulary), vocabulary, $"Embedding vocabulary must be in [1, {MaxVocabulary}] (ids are float-coded).");
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Embedding dimension must be positive.");
        Name = name;
        Vocabulary = vocabulary;
        Dimension = dimension;
        var table = Tensor.Zeros(vocabulary, dimension);
        for (var i = 0; i < table.Length; i++) table.Data[i] = (float)((init.NextDouble() * 2 - 1) * 0.05);
        Embeddings = new Parameter($"{name}/embeddings", table, isKernel: regularized);
        Parameters = [Embeddings];
    }

    public string Name { get; }
    public int Vocabulary { get; }
    public int Dimension { get; }

    /// <summary>[vocabulary, dimension]; row i is the vector of id i.</summary>
    public Parameter Embeddings { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank != 2) throw new ArgumentException($"{Name} expects ids as [batch, length], got {input}.", nameof(input));
        var ids = new int[input.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = input.Data[i];
            if (!(id >= 0 && id < Vocabulary) || id != MathF.Floor(id))
                throw new ArgumentException($"{Name}: id {id} at position {i} of {input} is not an integer in [0, {Vocabulary}).", nameof(input));
            ids[i] = (int)id;
        }
        var output = Tensor.Zeros(input.Dim(0), input.Dim(1), Dimension);
        var table = Embeddings.Value.Data;
        for (var i = 0; i < ids.Length; i++)
            Array.Copy(table, ids[i] * Dimension, output.Data, i * Dimension, Dimension);
        _ids = ids;
        _inputShape = input.Shape;
        return output;
    }

    /// <summary>Adds each position's gradient into its id's row. Ids are not differentiable: the input gradient is zeros.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var ids = _ids ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        if (outputGradient.Length != ids.Length * Dimension)
            throw new ArgumentException($"{Name} produced [{string.Join(", ", _inputShape!)}, {Dimension}], got a gradient {outputGradient}.", nameof(outputGradient));
        var grad = Embeddings.Grad.Data;
        for (var i = 0; i < ids.Length; i++)
            MatrixMath.MultiplyAdd(1f, outputGradient.Data.AsSpan(i * Dimension, Dimension), grad.AsSpan(ids[i] * Dimension, Dimension));
        return Tensor.Zeros(_inputShape!);
    }

    public string ExportOnnx(OnnxExport export, string input)
    {
        var table = export.Name(Name, "embeddings");
        var ids = export.Name(Name, "ids");
        var output = export.Name(Name, "output");
        export.Graph
            .AddInitializer(table, Embeddings.Value.Data, Vocabulary, Dimension)
            .AddNode("Cast", [input], [ids], OnnxAttribute.Int("to", OnnxGraphBuilder.Int64Type))
            .AddNode("Gather", [table, ids], [output], OnnxAttribute.Int("axis", 0));
        return output;
    }
}
