using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace.Networks;

/// <summary>
/// Seed 004's hybrid recommender. Collaborative: client and cleaner embeddings (64 each) → Dense 128-64-32 ReLU →
/// Dense 1 sigmoid. Content: a property-type embedding (8) beside the 18 pair features (<see cref="CleanerMatchFeatures"/>)
/// → Dense 64-32 ReLU → Dense 1 sigmoid. Hybrid: α·cf + (1 − α)·content with α = sigmoid(a learned scalar), starting at 0.5.
/// </summary>
/// <remarks>
/// Inputs, in order (<see cref="ClientInput"/> ...): client index [B, 1], cleaner index [B, 1], property-type index
/// [B, 1] (float-coded integers; 0 is "unknown", as <see cref="CleanerMatchSpec"/> maps them) and the features [B, 18].
/// Output: the hybrid score [B, 1]. The content tower never sees the client or cleaner ids, so an unknown pair can be
/// scored by it alone (cold start).
/// </remarks>
public sealed class CleanerMatchNetwork : ITrainableNetwork
{
    public const int ClientInput = 0, CleanerInput = 1, PropertyTypeInput = 2, FeaturesInput = 3, InputCount = 4;
    public const int IdDimension = 64, PropertyTypeDimension = 8;

    private readonly Embedding _clients;
    private readonly Embedding _cleaners;
    private readonly Embedding _propertyTypes;
    private readonly Network _collaborative;
    private readonly Network _content;
    private readonly Parameter _alphaLogit;
    private Tensor? _lastCollaborative, _lastContent;
    private int _rows = -1;

    /// <param name="clients">Client vocabulary including index 0 (unknown): the spec's client ids + 1.</param>
    /// <param name="cleaners">Cleaner vocabulary including index 0.</param>
    /// <param name="propertyTypes">Property-type vocabulary including index 0.</param>
    /// <param name="dropout">Dropout after each hidden layer while training (0 turns it off).</param>
    /// <param name="supervisedHalves">Forward also returns the collaborative and content scores ([B, 3]: hybrid, cf, content)
    /// so a loss can supervise each half on its own (<see cref="HalvesSupervisedLoss"/>): cold start serves content alone,
    /// which trained only inside the hybrid is no predictor by itself. Off: [B, 1], the hybrid.</param>
    public CleanerMatchNetwork(int clients, int cleaners, int propertyTypes, Random init, double dropout = 0.2, bool supervisedHalves = false)
    {
        ArgumentNullException.ThrowIfNull(init);
        _clients = new Embedding("client_embedding", clients, IdDimension, init);
        _cleaners = new Embedding("cleaner_embedding", cleaners, IdDimension, init);
        _collaborative = Tower("cf", 2 * IdDimension, [128, 64, 32], init, dropout);
        _propertyTypes = new Embedding("property_type_embedding", propertyTypes, PropertyTypeDimension, init);
        _content = Tower("content", PropertyTypeDimension + CleanerMatchFeatures.Count, [64, 32], init, dropout);
        _alphaLogit = new Parameter("hybrid/alpha_logit", Tensor.Zeros(1), isKernel: false);
        Clients = clients;
        Cleaners = cleaners;
        Outputs = supervisedHalves ? 3 : 1;
        PropertyTypes = propertyTypes;
        Parameters = [.. _clients.Parameters, .. _cleaners.Parameters, .. _collaborative.Parameters,
                      .. _propertyTypes.Parameters, .. _content.Parameters, _alphaLogit];
        Weights = [.. Parameters.Select(p => new NamedTensor(p.Name, p.Value))];
    }

    public int Clients { get; }
    public int Cleaners { get; }
    public int PropertyTypes { get; }

    /// <summary>Columns of <see cref="Forward"/>'s output: 1 (hybrid) or 3 (hybrid, collaborative, content).</summary>
    public int Outputs { get; }

    /// <summary>The collaborative network's weight in the hybrid, sigmoid of the learned logit.</summary>
    public double Alpha => Activation.Sigmoid(_alphaLogit.Value.Data[0]);

    public IReadOnlyList<Parameter> Parameters { get; }

    public IReadOnlyList<NamedTensor> Weights { get; }

    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>The inputs in the network's order, from per-row indices and a row-major [rows, 18] feature array.</summary>
    public static Tensor[] Inputs(ReadOnlySpan<long> clientIndices, ReadOnlySpan<long> cleanerIndices, ReadOnlySpan<long> propertyTypeIndices, float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = clientIndices.Length;
        if (cleanerIndices.Length != rows || propertyTypeIndices.Length != rows || features.Length != rows * CleanerMatchFeatures.Count)
            throw new ArgumentException($"Give one client, cleaner and property-type index and {CleanerMatchFeatures.Count} features per row.", nameof(features));
        return [Column(clientIndices), Column(cleanerIndices), Column(propertyTypeIndices), new Tensor(features, rows, CleanerMatchFeatures.Count)];
    }

    public Tensor Forward(IReadOnlyList<Tensor> inputs, Random? training)
    {
        var rows = CheckInputs(inputs);
        var ids = Concat(_clients.Forward(inputs[ClientInput], training).Reshape(rows, IdDimension),
                         _cleaners.Forward(inputs[CleanerInput], training).Reshape(rows, IdDimension));
        var cf = _collaborative.Forward(ids, training);
        var content = _content.Forward(Concat(_propertyTypes.Forward(inputs[PropertyTypeInput], training).Reshape(rows, PropertyTypeDimension),
                                              inputs[FeaturesInput]), training);
        var alpha = Activation.Sigmoid(_alphaLogit.Value.Data[0]);
        var output = Tensor.Zeros(rows, Outputs);
        for (var r = 0; r < rows; r++)
        {
            output.Data[r * Outputs] = alpha * cf.Data[r] + (1 - alpha) * content.Data[r];
            if (Outputs == 3)
                (output.Data[r * 3 + 1], output.Data[r * 3 + 2]) = (cf.Data[r], content.Data[r]);
        }
        (_lastCollaborative, _lastContent, _rows) = (cf, content, rows);
        return output;
    }

    public void Backward(Tensor outputGradient)
    {
        var (cf, content, rows) = (_lastCollaborative ?? throw new InvalidOperationException("Backward before Forward."), _lastContent!, _rows);
        if (outputGradient.Length != rows * Outputs)
            throw new ArgumentException($"The network produced [{rows}, {Outputs}], got a gradient {outputGradient}.", nameof(outputGradient));
        var alpha = Activation.Sigmoid(_alphaLogit.Value.Data[0]);
        var cfGradient = Tensor.Zeros(rows, 1);
        var contentGradient = Tensor.Zeros(rows, 1);
        double alphaGradient = 0;
        for (var r = 0; r < rows; r++)
        {
            var g = outputGradient.Data[r * Outputs];
            cfGradient.Data[r] = alpha * g + (Outputs == 3 ? outputGradient.Data[r * 3 + 1] : 0);
            contentGradient.Data[r] = (1 - alpha) * g + (Outputs == 3 ? outputGradient.Data[r * 3 + 2] : 0);
            alphaGradient += (double)g * (cf.Data[r] - content.Data[r]);
        }
        _alphaLogit.Grad.Data[0] += (float)(alphaGradient * alpha * (1 - alpha));

        var idGradient = _collaborative.Backward(cfGradient);
        var (client, cleaner) = Split(idGradient, IdDimension);
        _clients.Backward(client.Reshape(rows, 1, IdDimension));
        _cleaners.Backward(cleaner.Reshape(rows, 1, IdDimension));
        var (propertyType, _) = Split(_content.Backward(contentGradient), PropertyTypeDimension);
        _propertyTypes.Backward(propertyType.Reshape(rows, 1, PropertyTypeDimension));
    }

    /// <summary>Inference over many rows, <paramref name="batchSize"/> at a time: the hybrid score and both networks' scores.</summary>
    public CleanerMatchPrediction Predict(IReadOnlyList<Tensor> inputs, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var rows = CheckInputs(inputs);
        var (hybrid, cf, content) = (Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1));
        for (var start = 0; start < rows; start += batchSize)
        {
            var count = Math.Min(batchSize, rows - start);
            var output = Forward(TensorRows.Slice(inputs, start, count), null);
            for (var r = 0; r < count; r++) hybrid.Data[start + r] = output.Data[r * Outputs];
            _lastCollaborative!.Data.CopyTo(cf.Data, start);
            _lastContent!.Data.CopyTo(content.Data, start);
        }
        return new CleanerMatchPrediction(hybrid, cf, content);
    }

    /// <summary>
    /// The inference graph: int64 [N] ids (<see cref="CleanerMatchSpec.ClientInput"/>, <see cref="CleanerMatchSpec.CleanerInput"/>,
    /// <see cref="CleanerMatchSpec.PropertyTypeInput"/>) gathered straight from the embedding tables, float [N, 18]
    /// <see cref="CleanerMatchSpec.InputName"/>; outputs score, collaborative and content, each float [N, 1].
    /// </summary>
    public byte[] ExportOnnx(string graphName, CleanerMatchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var graph = new OnnxGraphBuilder(graphName)
            .AddInt64Input(spec.ClientInput, [null])
            .AddInt64Input(spec.CleanerInput, [null])
            .AddInt64Input(spec.PropertyTypeInput, [null])
            .AddInput(spec.InputName, null, CleanerMatchFeatures.Count);
        var export = new OnnxExport(graph);

        var ids = export.Name("cf", "ids");
        graph.AddNode("Concat", [Lookup(export, _clients, spec.ClientInput), Lookup(export, _cleaners, spec.CleanerInput)], [ids],
            OnnxAttribute.Int("axis", 1));
        var cf = ExportTower(export, _collaborative, ids);

        var contentInput = export.Name("content", "input");
        graph.AddNode("Concat", [Lookup(export, _propertyTypes, spec.PropertyTypeInput), spec.InputName], [contentInput],
            OnnxAttribute.Int("axis", 1));
        var content = ExportTower(export, _content, contentInput);

        var alpha = Activation.Sigmoid(_alphaLogit.Value.Data[0]);
        var (alphaName, restName) = (export.Name("hybrid", "alpha"), export.Name("hybrid", "one_minus_alpha"));
        var (weightedCf, weightedContent, hybrid) = (export.Name("hybrid", "cf"), export.Name("hybrid", "content"), export.Name("hybrid", "output"));
        graph.AddInitializer(alphaName, [alpha])
            .AddInitializer(restName, [1 - alpha])
            .AddNode("Mul", [cf, alphaName], [weightedCf])
            .AddNode("Mul", [content, restName], [weightedContent])
            .AddNode("Add", [weightedCf, weightedContent], [hybrid]);

        foreach (var (value, name) in new[] { (hybrid, spec.OutputName), (cf, spec.CollaborativeOutput), (content, spec.ContentOutput) })
            graph.AddNode("Identity", [value], [name]).AddOutput(name, null, 1);
        return graph.ToModelBytes();
    }

    private static string Lookup(OnnxExport export, Embedding embedding, string ids)
    {
        var table = export.Name(embedding.Name, "embeddings");
        var output = export.Name(embedding.Name, "output");
        export.Graph
            .AddInitializer(table, embedding.Embeddings.Value.Data, embedding.Vocabulary, embedding.Dimension)
            .AddNode("Gather", [table, ids], [output], OnnxAttribute.Int("axis", 0));
        return output;
    }

    private static string ExportTower(OnnxExport export, Network tower, string input)
    {
        var value = input;
        foreach (var layer in tower.Layers) value = layer.ExportOnnx(export, value);
        return value;
    }

    private static Network Tower(string name, int inputs, int[] hidden, Random init, double dropout)
    {
        var layers = new List<ILayer>();
        var width = inputs;
        for (var i = 0; i < hidden.Length; i++)
        {
            layers.Add(new Dense($"{name}_dense_{i + 1}", width, hidden[i], init));
            layers.Add(new Activation($"{name}_relu_{i + 1}", ActivationKind.Relu));
            if (dropout > 0) layers.Add(new Dropout($"{name}_dropout_{i + 1}", dropout));
            width = hidden[i];
        }
        layers.Add(new Dense($"{name}_output", width, 1, init));
        layers.Add(new Activation($"{name}_sigmoid", ActivationKind.Sigmoid));
        return new Network([.. layers]);
    }

    private static int CheckInputs(IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != InputCount)
            throw new ArgumentException($"The cleaner-match network takes {InputCount} inputs (client, cleaner, property type, features), got {inputs.Count}.", nameof(inputs));
        var rows = TensorRows.Count(inputs);
        for (var i = 0; i < FeaturesInput; i++)
            if (inputs[i].Rank != 2 || inputs[i].Dim(1) != 1)
                throw new ArgumentException($"Input {i} must be indices [rows, 1], got {inputs[i]}.", nameof(inputs));
        if (inputs[FeaturesInput].Rank != 2 || inputs[FeaturesInput].Dim(1) != CleanerMatchFeatures.Count)
            throw new ArgumentException($"The features must be [rows, {CleanerMatchFeatures.Count}], got {inputs[FeaturesInput]}.", nameof(inputs));
        return rows;
    }

    private static Tensor Column(ReadOnlySpan<long> values)
    {
        var t = Tensor.Zeros(values.Length, 1);
        for (var i = 0; i < values.Length; i++) t.Data[i] = values[i];
        return t;
    }

    private static Tensor Concat(Tensor left, Tensor right)
    {
        var (rows, a, b) = (left.Dim(0), left.Dim(1), right.Dim(1));
        var output = Tensor.Zeros(rows, a + b);
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(left.Data, r * a, output.Data, r * (a + b), a);
            Array.Copy(right.Data, r * b, output.Data, r * (a + b) + a, b);
        }
        return output;
    }

    private static (Tensor Left, Tensor Right) Split(Tensor joined, int leftWidth)
    {
        var (rows, width) = (joined.Dim(0), joined.Dim(1));
        var (left, right) = (Tensor.Zeros(rows, leftWidth), Tensor.Zeros(rows, width - leftWidth));
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(joined.Data, r * width, left.Data, r * leftWidth, leftWidth);
            Array.Copy(joined.Data, r * width + leftWidth, right.Data, r * (width - leftWidth), width - leftWidth);
        }
        return (left, right);
    }
}
