using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine;

/// <summary>
/// Layers applied in order (Keras' Sequential). The network owns no weights of its own: <see cref="Parameters"/>
/// and <see cref="Weights"/> are the layers', in layer order.
/// </summary>
public sealed class Network : ITrainableNetwork
{
    public Network(params ILayer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        Layers = [.. layers];
        Parameters = [.. layers.SelectMany(l => l.Parameters)];
        var state = layers.OfType<IHasState>()
            .SelectMany(l => l.State.Select((t, i) => new NamedTensor($"{((ILayer)l).Name}/state_{i}", t)));
        Weights = [.. Parameters.Select(p => new NamedTensor(p.Name, p.Value)), .. state];
    }

    public IReadOnlyList<ILayer> Layers { get; }

    /// <summary>Every trainable parameter, layer by layer.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Everything that makes up the model: parameter values, then layer state (<see cref="IHasState"/>).
    /// What checkpoints save and best-weight restore copies.</summary>
    public IReadOnlyList<NamedTensor> Weights { get; }

    /// <param name="training">Null for inference; while training, the source of dropout masks.</param>
    public Tensor Forward(Tensor input, Random? training)
    {
        var x = input;
        foreach (var layer in Layers) x = layer.Forward(x, training);
        return x;
    }

    /// <summary>Accumulates every parameter's gradient for the last forward pass; returns the input gradient.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var g = outputGradient;
        for (var i = Layers.Count - 1; i >= 0; i--) g = Layers[i].Backward(g);
        return g;
    }

    Tensor ITrainableNetwork.Forward(IReadOnlyList<Tensor> inputs, Random? training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != 1) throw new ArgumentException($"A Network has one input, got {inputs.Count}.", nameof(inputs));
        return Forward(inputs[0], training);
    }

    /// <summary>The training loop's backward pass: as <see cref="Backward"/>, but the first layer skips the input
    /// gradient (nobody reads it) where it can.</summary>
    void ITrainableNetwork.Backward(Tensor outputGradient)
    {
        var g = outputGradient;
        for (var i = Layers.Count - 1; i > 0; i--) g = Layers[i].Backward(g);
        if (Layers[0] is IParameterGradientsOnly first) first.BackwardParameters(g);
        else Layers[0].Backward(g);
    }

    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>Copies of every weight (as Keras' get_weights), for <see cref="SetWeights"/>.</summary>
    public float[][] GetWeights() => [.. Weights.Select(w => (float[])w.Value.Data.Clone())];

    public void SetWeights(IReadOnlyList<float[]> weights)
    {
        if (weights.Count != Weights.Count)
            throw new ArgumentException($"The network has {Weights.Count} weight tensors, got {weights.Count}.", nameof(weights));
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i].Length != Weights[i].Value.Length)
                throw new ArgumentException($"{Weights[i].Name} holds {Weights[i].Value.Length} values, got {weights[i].Length}.", nameof(weights));
            weights[i].CopyTo(Weights[i].Value.Data, 0);
        }
    }

    /// <summary>Inference over the rows (first axis) of <paramref name="inputs"/>, <paramref name="batchSize"/>
    /// rows at a time so memory stays bounded; the outputs are stacked in row order.</summary>
    public Tensor Predict(Tensor inputs, int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var rows = inputs.Rank == 0 ? 0 : inputs.Dim(0);
        if (rows == 0) throw new ArgumentException($"Predict needs at least one row, got {inputs}.", nameof(inputs));
        Tensor? result = null;
        var outputRow = 0;
        for (var start = 0; start < rows; start += batchSize)
        {
            var count = Math.Min(batchSize, rows - start);
            var output = Forward(TensorRows.Slice(inputs, start, count), null);
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

    /// <summary>The inference graph as an ONNX model: <paramref name="inputName"/> through every layer's export to
    /// <paramref name="outputName"/> (null dimensions are the dynamic batch).</summary>
    public byte[] ExportOnnx(string graphName, string inputName, long?[] inputShape, string outputName, long?[] outputShape)
    {
        var graph = new OnnxGraphBuilder(graphName).AddInput(inputName, inputShape);
        var export = new OnnxExport(graph);
        var value = inputName;
        foreach (var layer in Layers) value = layer.ExportOnnx(export, value);
        // Layers name their outputs themselves; Identity gives the graph output the name callers asked for.
        graph.AddNode("Identity", [value], [outputName]).AddOutput(outputName, outputShape);
        return graph.ToModelBytes();
    }
}
