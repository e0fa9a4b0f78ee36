namespace iAyos.Messaging.Predictions.Models;

/// <summary>The kinds a process trains or serves, in registration order, found by name; <see cref="Predicted"/> are
/// those answered as predictions (routes, queues, request and response types).</summary>
public sealed class ModelKindCatalog
{
    private readonly Dictionary<string, ITrainedKind> _byName;

    public ModelKindCatalog(IEnumerable<ITrainedKind> kinds)
    {
        All = kinds.DistinctBy(k => k.Name).ToList();
        Predicted = All.OfType<IModelKind>().ToList();
        _byName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ITrainedKind> All { get; }

    public IReadOnlyList<IModelKind> Predicted { get; }

    public IEnumerable<string> Names => All.Select(k => k.Name);

    /// <summary>The kind <c>/api/ml/train</c> and batch prediction mean when none is named.</summary>
    public IModelKind? Default => Predicted.FirstOrDefault(k => k.IsDefault) ?? Predicted.FirstOrDefault();

    public ITrainedKind? Find(string? name) => name is not null && _byName.TryGetValue(name, out var kind) ? kind : null;

    public IModelKind? FindPredicted(string? name) => Find(name) as IModelKind;

    public bool IsKnown(string? name) => Find(name) is not null;

    /// <summary>"must be one of a, b, c." for a field error.</summary>
    public string MustBeOneOf() => $"must be one of {string.Join(", ", Names)}.";

    /// <summary>The same for the kinds answered as predictions.</summary>
    public string MustBeOnePredictedOf() => $"must be one of {string.Join(", ", Predicted.Select(k => k.Name))}.";
}
