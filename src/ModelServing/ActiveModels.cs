using System.Collections.Concurrent;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.ModelServing;

/// <summary>
/// A loaded model version: its ONNX session serves any number of concurrent runs; <see cref="Features"/> is
/// its parsed feature-extractor spec, read by its kind's descriptor.
/// </summary>
public sealed record LoadedModel(string Kind, int Version, string Sha256, OnnxSession Session, DateTimeOffset LoadedAt, IModelFeatureSpec Features);

/// <summary>What this instance serves, per kind. Swapped atomically; the replaced session is disposed, and
/// runs already using it finish first (the session holds a reference per run).</summary>
public sealed class ActiveModels : IDisposable
{
    private readonly ConcurrentDictionary<string, LoadedModel> _models = new(StringComparer.Ordinal);

    public LoadedModel? Get(string kind) => _models.GetValueOrDefault(kind);

    public void Put(LoadedModel model)
    {
        LoadedModel? previous = null;
        _models.AddOrUpdate(model.Kind, model, (_, existing) => { previous = existing; return model; });
        if (previous is not null && !ReferenceEquals(previous.Session, model.Session))
            previous.Session.Dispose();
    }

    /// <summary>Stops serving a kind; runs already using its session finish first.</summary>
    public bool Remove(string kind)
    {
        if (!_models.TryRemove(kind, out var removed)) return false;
        removed.Session.Dispose();
        return true;
    }

    public void Dispose()
    {
        foreach (var model in _models.Values)
            model.Session.Dispose();
        _models.Clear();
    }
}
