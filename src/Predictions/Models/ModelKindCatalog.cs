namespace iAyos.Messaging.Predictions.Models;

/// <summary>The kinds a process serves, in registration order, found by name.</summary>
public sealed class ModelKindCatalog
{
    private readonly Dictionary<string, IModelKind> _byName;

    public ModelKindCatalog(IEnumerable<IModelKind> kinds)
    {
        All = kinds.DistinctBy(k => k.Name).ToList();
        _byName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<IModelKind> All { get; }

    public IEnumerable<string> Names => All.Select(k => k.Name);

    /// <summary>The kind <c>/api/ml/train</c> and batch prediction mean when none is named.</summary>
    public IModelKind? Default => All.FirstOrDefault(k => k.IsDefault) ?? All.FirstOrDefault();

    public IModelKind? Find(string? name) => name is not null && _byName.TryGetValue(name, out var kind) ? kind : null;

    public bool IsKnown(string? name) => Find(name) is not null;

    /// <summary>"must be one of a, b, c." for a field error.</summary>
    public string MustBeOneOf() => $"must be one of {string.Join(", ", Names)}.";
}
