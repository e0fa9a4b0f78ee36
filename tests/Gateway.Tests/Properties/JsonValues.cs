using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>
/// Arbitrary JSON values for request bodies, and how to shrink them. Objects are keyed mostly by the fields the
/// endpoint reads, so wrong types and odd values reach the real properties instead of being ignored as extras.
/// Every node is built fresh (a <see cref="JsonNode"/> has one parent), and shrinking works on deep clones.
/// </summary>
public static class JsonValues
{
    /// <summary>Number literals a .NET type cannot hold, or only just: overflow, underflow, negative zero.</summary>
    private static readonly string[] NumberLiterals =
    [
        "0", "-0", "1", "-1", "1.5", "-1.5", "1E+2", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "79228162514264337593543950335", "79228162514264337593543950336", "0.0000000000000000000000000001",
        "1e-400", "1e308", "1e309", "-1e309", "1e400", "123456789012345678901234567890.123456789",
    ];

    /// <summary>Strings that look like numbers or keywords, or that are awkward to encode, store or print.</summary>
    private static readonly string[] AwkwardStrings =
    [
        "", " ", "\t", "\r\n", "NaN", "Infinity", "-Infinity", "1e400", "-1", "0", "5", "abc", "null", "true",
        "\u0000", "\uFFFF", "\uFEFF", "\u202E", "\uD800", "\uDC00x", "🦀💥", "مرحبا", "ｆｕｌｌ", "Ünïcödé",
        "' OR 1=1 --", "../../etc/passwd", "/etc/passwd", "C:\\x", "%00", "%ZZ", "<script>", "{\"a\":1}", "[1]",
    ];

    /// <summary>Valid spellings from the endpoints' enumerations, so a random value is sometimes accepted.</summary>
    private static readonly string[] KnownWords =
    [
        "LOW", "MEDIUM", "HIGH", "high", " High ", "ENTRY", "INTERMEDIATE", "EXPERT", "LISTING", "INVITE",
        "MINOR_REPAIR", "INDOOR", "price-budget", "completion-time", "worker-rating", "viewed", "hired",
        "helpful", "other", "Plumbing", "jobs.csv", "splits/a.split.json",
    ];

    /// <summary>Any JSON value, nested up to the generator's size.</summary>
    public static Gen<JsonNode?> Any(IReadOnlyList<string> fieldNames) =>
        Gen.Sized(size => Tree(Math.Min(size, 24), fieldNames));

    /// <summary>Any JSON value that is not an object (and so never a request body).</summary>
    public static Gen<JsonNode?> NotAnObject =>
        Gen.Frequency((4, Scalar), (1, Gen.Sized(size => ArrayOf(Tree(Math.Min(size, 12) / 3, [])))));

    public static Gen<JsonNode?> Scalar => Gen.Frequency(
        (1, Gen.Constant<JsonNode?>(null)),
        (1, Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b))),
        (3, Number),
        (4, String));

    /// <summary>A non-null value whose JSON kind differs from <paramref name="kind"/>.</summary>
    public static Gen<JsonNode?> OfAnotherKind(JsonValueKind kind, IReadOnlyList<string> fieldNames) =>
        Any(fieldNames).Where(v => v is not null && KindOf(v) != Normalise(kind));

    /// <summary>A value of the same JSON kind as <paramref name="kind"/> (a number for a number, and so on).</summary>
    public static Gen<JsonNode?> OfSameKind(JsonValueKind kind, IReadOnlyList<string> fieldNames) => Normalise(kind) switch
    {
        JsonValueKind.Number => Number,
        JsonValueKind.String => String,
        JsonValueKind.True => Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
        JsonValueKind.Array => Gen.Sized(size => ArrayOf(Tree(Math.Min(size, 12) / 3, fieldNames))),
        _ => Gen.Sized(size => ObjectOf(Math.Min(size, 12) / 3, fieldNames)),
    };

    public static Gen<JsonNode?> Number => Gen.Frequency(
        (2, Gen.Choose(-1000, 1000).Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create((long)i * 1000003))),
        (1, Gen.Choose(-100000, 100000).Select(i => (JsonNode?)JsonValue.Create(i / 7.0))),
        (3, Gen.Elements(NumberLiterals).Select(Raw)));

    public static Gen<JsonNode?> String => Gen.Frequency(
        (3, Text.Select(Str)),
        (3, Gen.Elements(AwkwardStrings).Select(Str)),
        (2, Gen.Elements(KnownWords).Select(Str)),
        (1, Gen.Elements(101, 201, 2_001, 10_001, 100_001, 1_100_000).Select(n => Str(Long(n)))));

    /// <summary>Printable ASCII mostly, some of any UTF-16 unit (lone surrogates included).</summary>
    public static Gen<string> Text => Gen.ArrayOf(Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7E)),
            (1, Gen.Choose(0, 0x1F)),
            (2, Gen.Choose(0x80, 0xFFFF))).Select(c => (char)c))
        .Select(chars => new string(chars));

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() is { } kind ? Normalise(kind) : JsonValueKind.Null;

    public static string ToText(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>Smaller values first: null, then one member or element left out, then one alone, then one shrunk.</summary>
    public static IEnumerable<JsonNode?> Shrink(JsonNode? node)
    {
        switch (node)
        {
            case null:
                yield break;
            case JsonObject obj:
                yield return null;
                var keys = obj.Select(p => p.Key).ToList();
                foreach (var key in keys)
                {
                    var without = (JsonObject)obj.DeepClone();
                    without.Remove(key);
                    yield return without;
                }
                foreach (var key in keys)
                    yield return obj[key]?.DeepClone();
                foreach (var key in keys)
                    foreach (var smaller in Shrink(obj[key]))
                    {
                        var copy = (JsonObject)obj.DeepClone();
                        copy[key] = smaller;
                        yield return copy;
                    }
                break;
            case JsonArray array:
                yield return null;
                for (var i = 0; i < array.Count; i++)
                {
                    var without = (JsonArray)array.DeepClone();
                    without.RemoveAt(i);
                    yield return without;
                }
                for (var i = 0; i < array.Count; i++)
                    yield return array[i]?.DeepClone();
                for (var i = 0; i < array.Count; i++)
                    foreach (var smaller in Shrink(array[i]))
                    {
                        var copy = (JsonArray)array.DeepClone();
                        copy[i] = smaller;
                        yield return copy;
                    }
                break;
            default:
                yield return null;
                if (node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } text)
                {
                    yield return Str("");
                    if (text.Length > 1)
                        yield return Str(text[..(text.Length / 2)]);
                }
                else if (node.GetValueKind() == JsonValueKind.Number && node.ToJsonString() != "0")
                    yield return Raw("0");
                break;
        }
    }

    private static Gen<JsonNode?> Tree(int size, IReadOnlyList<string> fieldNames) =>
        size <= 1
            ? Scalar
            : Gen.Frequency((4, Scalar), (1, ArrayOf(Tree(size / 3, fieldNames))), (3, ObjectOf(size / 3, fieldNames)));

    private static Gen<JsonNode?> ArrayOf(Gen<JsonNode?> element) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(element, n))
            .Select(items => (JsonNode?)new JsonArray(items.ToArray()));

    private static Gen<JsonNode?> ObjectOf(int size, IReadOnlyList<string> fieldNames)
    {
        var key = fieldNames.Count == 0
            ? Text
            : Gen.Frequency(
                (6, Gen.Elements(fieldNames.ToArray())),
                (1, Gen.Elements(fieldNames.ToArray()).Select(k => k.ToUpperInvariant())),
                (2, Text));
        var member = key.SelectMany(_ => Tree(size, fieldNames), (k, v) => (Key: k, Value: v));
        return Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(member, n)).Select(members =>
        {
            var obj = new JsonObject();
            foreach (var (k, v) in members)
                obj[k] = v; // a repeated key keeps its last value, as a JSON reader would
            return (JsonNode?)obj;
        });
    }

    /// <summary>A literal kept exactly as written (e.g. 1e400, which no .NET number holds).</summary>
    private static JsonNode? Raw(string literal) => JsonNode.Parse(literal);

    /// <summary>A string node; strings .NET would refuse to encode (lone surrogates) go in as escapes.</summary>
    private static JsonNode? Str(string text)
    {
        try
        {
            var node = JsonValue.Create(text);
            _ = node.ToJsonString();
            return node;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            var escaped = string.Concat(text.Select(c => $"\\u{(int)c:x4}"));
            return JsonNode.Parse($"\"{escaped}\"");
        }
    }

    private static string Long(int length) =>
        string.Create(length, 0, (span, _) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + i % 26); });

    /// <summary>true and false are one kind here: "a boolean".</summary>
    private static JsonValueKind Normalise(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}
