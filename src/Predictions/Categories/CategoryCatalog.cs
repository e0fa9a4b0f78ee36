namespace iAyos.Messaging.Predictions.Categories;

/// <summary>An immutable snapshot of every category's statistics, looked up by id or by name.</summary>
public sealed class CategoryCatalog
{
    /// <summary>
    /// Used when a request names no known category, or storage has never been reachable: a generic
    /// Philippine home-service job. Deliberately wide, and answered with low confidence.
    /// </summary>
    public static readonly CategoryStats General = new(0, "General", 500m, 1500m, 4000m, 4.0, 0.8, 0);

    public static readonly CategoryCatalog Empty = new([]);

    private readonly Dictionary<int, CategoryStats> _byId;
    private readonly Dictionary<string, CategoryStats> _byName;

    public CategoryCatalog(IEnumerable<CategoryStats> categories)
    {
        var list = categories.ToList();
        _byId = list.ToDictionary(c => c.Id);
        _byName = list.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        All = list;
    }

    public IReadOnlyList<CategoryStats> All { get; }

    /// <summary>Resolves by id first (the completion-time seed's field), then by name (the price seed's).</summary>
    public CategoryStats? Find(int? id, string? name)
    {
        if (id is { } i && _byId.TryGetValue(i, out var byId))
            return byId;
        if (!string.IsNullOrWhiteSpace(name) && _byName.TryGetValue(name.Trim(), out var byName))
            return byName;
        return null;
    }

    /// <summary>The name models know a category by: the catalog's for a known id or name, else the given name.</summary>
    public string? NameOf(int? id, string? name) => Find(id, name)?.Name ?? name;
}
