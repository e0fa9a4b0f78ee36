using System.Text;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// Reads the CSV's tags cell without evaluating it: a Python-style list literal (<c>['a', "b's"]</c>, items in
/// single or double quotes with backslash escapes, or bare), an empty list, or plain comma-separated text.
/// Items come back trimmed, non-empty, each once (case-insensitively), in order.
/// </summary>
public static class TagList
{
    /// <param name="wasListLiteral">False when the cell held plain text rather than a bracketed list.</param>
    public static IReadOnlyList<string> Parse(string? cell, out bool wasListLiteral)
    {
        wasListLiteral = false;
        var text = cell?.Trim() ?? "";
        // What pandas and Python write for a missing list.
        if (text.Length == 0 || text is "nan" or "NaN" or "None" or "null")
            return [];
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            wasListLiteral = true;
            return Clean(ListItems(text[1..^1]));
        }
        return Clean(text.Split(','));
    }

    public static IReadOnlyList<string> Parse(string? cell) => Parse(cell, out _);

    private static IEnumerable<string> ListItems(string inner)
    {
        var i = 0;
        while (i < inner.Length)
        {
            while (i < inner.Length && (char.IsWhiteSpace(inner[i]) || inner[i] == ','))
                i++;
            if (i >= inner.Length)
                yield break;
            if (inner[i] is '\'' or '"')
            {
                var quote = inner[i++];
                var item = new StringBuilder();
                // An unterminated quote takes the rest of the cell rather than failing the row.
                while (i < inner.Length && inner[i] != quote)
                {
                    if (inner[i] == '\\' && i + 1 < inner.Length)
                        i++;
                    item.Append(inner[i++]);
                }
                i++; // the closing quote
                while (i < inner.Length && inner[i] != ',')
                    i++;
                yield return item.ToString();
            }
            else
            {
                var start = i;
                while (i < inner.Length && inner[i] != ',')
                    i++;
                yield return inner[start..i];
            }
        }
    }

    private static List<string> Clean(IEnumerable<string> items) =>
        items.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
