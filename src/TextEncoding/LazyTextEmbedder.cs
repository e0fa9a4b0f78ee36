using iAyos.Messaging.Predictions.Text;

namespace iAyos.Messaging.TextEncoding;

/// <summary>Builds the sentence encoder on first use (the InferenceWorker warms it up at start), so a process or test
/// host that never evaluates a profile never reads the 90 MB graph.</summary>
public sealed class LazyTextEmbedder(Func<ITextEmbedder> create, int dimensions) : ITextEmbedder, IDisposable
{
    private readonly Lazy<ITextEmbedder> _encoder = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => dimensions;

    public float[][] Embed(IReadOnlyList<string> texts) => _encoder.Value.Embed(texts);

    public void Dispose()
    {
        if (_encoder is { IsValueCreated: true, Value: IDisposable disposable }) disposable.Dispose();
    }
}
