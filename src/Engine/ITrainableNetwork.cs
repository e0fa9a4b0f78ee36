namespace iAyos.Messaging.Engine;

/// <summary>
/// A model the trainer can fit: one or more batch-first inputs with the same rows, one output. <see cref="Network"/>
/// is the one-input case; models with several inputs (embeddings of ids beside float features) implement it directly.
/// </summary>
public interface ITrainableNetwork
{
    /// <summary>Every trainable parameter, in a fixed order (the optimizer's slots follow it).</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Everything that makes up the model, in a fixed order: what checkpoints save and best-weight restore copies.</summary>
    IReadOnlyList<NamedTensor> Weights { get; }

    void ZeroGrad();

    /// <param name="inputs">The model's inputs in its own order, each with the batch on the first axis.</param>
    /// <param name="training">Null for inference; while training, the source of dropout masks.</param>
    Tensor Forward(IReadOnlyList<Tensor> inputs, Random? training);

    /// <summary>Accumulates every parameter's gradient for the last forward pass.</summary>
    void Backward(Tensor outputGradient);
}
