namespace iAyos.Messaging.Predictions.Validation;

/// <summary>Collects errors keyed by the snake_case field name a client sent.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Checks a value against a closed set, case-insensitively; returns its canonical spelling.</summary>
    public string OneOf(string field, string? value, IReadOnlyList<string> allowed, string whenMissing)
    {
        if (string.IsNullOrWhiteSpace(value))
            return whenMissing;
        var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
            Add(field, $"'{Truncate(value)}' is not one of {string.Join(", ", allowed)}.");
        return match ?? whenMissing;
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is null)
            return;
        if (double.IsNaN(value.Value) || value < min || value > max)
            Add(field, $"must be between {min} and {max}.");
    }

    public void Range(string field, int? value, int min, int max)
    {
        if (value is not null && (value < min || value > max))
            Add(field, $"must be between {min} and {max}.");
    }

    public void Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is not null && (value < min || value > max))
            Add(field, $"must be between {min} and {max}.");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            Add(field, $"must be at most {max} characters (got {value.Length}).");
    }

    /// <summary>Checks a list of short strings; returns it trimmed, without blanks.</summary>
    public IReadOnlyList<string> ShortList(string field, IReadOnlyList<string?>? values, int maxItems, int maxLength)
    {
        if (values is null)
            return [];
        if (values.Count > maxItems)
        {
            Add(field, $"must have at most {maxItems} items (got {values.Count}).");
            return [];
        }
        var cleaned = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i]?.Trim();
            if (string.IsNullOrEmpty(v))
                continue;
            if (v.Length > maxLength)
                Add($"{field}[{i}]", $"must be at most {maxLength} characters.");
            else
                cleaned.Add(v);
        }
        return cleaned;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
