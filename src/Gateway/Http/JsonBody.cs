using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace iAyos.Messaging.Gateway.Http;

/// <summary>
/// Reads a JSON request body ourselves rather than through minimal-API binding, so every failure
/// (content type, size, syntax, a value of the wrong type) becomes a ProblemDetails naming the field
/// instead of an empty 400 or an exception.
/// </summary>
public static class JsonBody
{
    public readonly record struct Result<T>(T? Value, IResult? Problem);

    /// <summary>Reads with the Gateway's JSON options and body-size limit, taken from the request's services.</summary>
    public static Task<Result<T>> ReadAsync<T>(HttpRequest request, bool allowEmpty = false, T? empty = default) where T : class
    {
        var services = request.HttpContext.RequestServices;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var limits = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        return ReadAsync(request, json, limits.MaxRequestBodyBytes, allowEmpty, empty);
    }

    /// <param name="allowEmpty">Commands whose body is optional read an empty body as <paramref name="empty"/>.</param>
    public static async Task<Result<T>> ReadAsync<T>(
        HttpRequest request, JsonSerializerOptions options, long maxBytes, bool allowEmpty = false, T? empty = default)
        where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return allowEmpty && empty is not null
                ? new(empty, null)
                : new(null, Problems.InvalidField("body", "is required: send a JSON object."));
        }
        if (!request.HasJsonContentType() || !HasKnownCharset(request.ContentType))
            return new(null, Problems.UnsupportedMediaType(request.ContentType));
        if (request.ContentLength > maxBytes)
            return new(null, Problems.TooLarge(maxBytes));

        try
        {
            var value = await request.ReadFromJsonAsync<T>(options, request.HttpContext.RequestAborted);
            return value is null
                ? new(null, Problems.InvalidField("body", "must be a JSON object, not null."))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            return new(null, Problems.InvalidField(field, Describe<T>(field, ex, options)));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, Problems.TooLarge(maxBytes));
        }
    }

    /// <summary>
    /// Whether the body's charset can be decoded, looked up as ReadFromJsonAsync does: an unknown one
    /// (<c>charset=bogus</c>) would otherwise throw there and answer 500.
    /// </summary>
    private static bool HasKnownCharset(string? contentType)
    {
        var charset = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.Charset : default;
        if (!charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return true;
        try
        {
            _ = Encoding.GetEncoding(charset.Value!);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>"$.tags[2]" -> "tags[2]"; "$" (the document itself) -> "body".</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Describe<T>(string field, JsonException ex, JsonSerializerOptions options)
    {
        if (field == "body")
            return ex.LineNumber is { } line
                ? $"is not valid JSON (line {line + 1}, byte {ex.BytePositionInLine + 1})."
                : "is not a valid JSON object.";
        var expected = ExpectedType(typeof(T), field, options);
        return expected is null ? "has a value that is not valid here." : $"must be {expected}.";
    }

    private static string? ExpectedType(Type type, string field, JsonSerializerOptions options)
    {
        var name = field.Split('[', '.')[0];
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => (options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name) == name);
        if (property is null)
            return null;
        var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var isElement = field.Contains('[');
        if (t == typeof(string))
            return "a string";
        if (t == typeof(bool))
            return "true or false";
        if (t == typeof(int) || t == typeof(long))
            return "an integer";
        if (t == typeof(decimal) || t == typeof(double))
            return "a number";
        if (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            return isElement ? "a string" : "an array of strings";
        return null;
    }
}
