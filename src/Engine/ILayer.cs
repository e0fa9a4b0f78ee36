namespace iAyos.Messaging.Engine;

/// <summary>
/// One layer of a network. <see cref="Forward"/> caches what <see cref="Backward"/> needs, so calls pair up:
/// forward, then at most one backward for that forward.
/// </summary>
public interface ILayer
{
    string Name { get; }

    IReadOnlyList<Parameter> Parameters { get; }

    /// <param name="training">Null for inference; while training, the source of dropout masks (so a seed
    /// makes a run reproducible and a gradient check can replay the same masks).</param>
    Tensor Forward(Tensor input, Random? training);

    /// <summary>Adds (+=) this layer's parameter gradients and returns the gradient for its input.</summary>
    Tensor Backward(Tensor outputGradient);

    /// <summary>Appends the layer's inference-mode nodes to the graph and returns the name of its output.</summary>
    string ExportOnnx(OnnxExport export, string input);
}
