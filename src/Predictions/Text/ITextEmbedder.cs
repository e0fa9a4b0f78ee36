namespace iAyos.Messaging.Predictions.Text;

/// <summary>A sentence encoder: texts to unit-length vectors of <see cref="Dimensions"/>, one per text, in order.
/// The InferenceWorker and the trainers hold the real one (all-MiniLM-L6-v2 in TextEncoding); the Gateway has none.</summary>
public interface ITextEmbedder
{
    int Dimensions { get; }

    float[][] Embed(IReadOnlyList<string> texts);
}
