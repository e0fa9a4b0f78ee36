using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>Route segments and query values: arbitrary text (percent-encoded), raw percent junk, very long ones.</summary>
public static class UrlParts
{
    /// <summary>
    /// The letter every "clearly invalid" segment or value carries: no number, UUID, duration or model kind
    /// name contains it, so the value can be neither parsed nor looked up.
    /// </summary>
    public const char NotAnId = 'q';

    /// <summary>Escapes that are not escapes, or decode to NUL, a slash, dots or invalid UTF-8.</summary>
    private static readonly string[] PercentJunk =
    [
        "%", "%%", "%Z", "%ZZ", "%00", "%2F", "%2f..%2f", "%5C", "%C0%AF", "%FF%FE", "%E2%80%AE", "%25", "%u0041", "+", "%20",
    ];

    /// <summary>Numbers, UUIDs and names: valid values for some routes, near misses for others.</summary>
    private static readonly string[] Plausible =
    [
        "1", "0", "-1", "2", "007", "1.5", "1e3", "9223372036854775807", "9223372036854775808", "99999999999999999999",
        "2147483648", BodyEndpoints.RecommendationId, "00000000-0000-0000-0000-000000000000", "price-budget",
        "completion-time", "worker-rating", "PRICE-BUDGET", "NaN", "Infinity", "", ".", "..", "%2e%2e",
    ];

    /// <summary>A segment or value that no route can take as an id, a version or a kind.</summary>
    public static Gen<string> Invalid => Gen.Frequency(
        (4, from a in JsonValues.Text from b in JsonValues.Text select Escape(a) + NotAnId + Escape(b)),
        (2, from junk in Gen.Elements(PercentJunk) from before in Gen.Elements(true, false)
            select before ? NotAnId + junk : junk + NotAnId),
        (1, Gen.Elements(1_000, 10_000, 100_000).Select(n => new string(NotAnId, n))));

    /// <summary>Anything: the invalid values above, plausible ones, and arbitrary escaped text.</summary>
    public static Gen<string> Any => Gen.Frequency(
        (3, Invalid),
        (2, Gen.Elements(Plausible)),
        (1, Gen.Elements(PercentJunk)),
        (2, JsonValues.Text.Select(Escape)));

    /// <summary>
    /// The same values for a path segment, less NUL (%00): Kestrel refuses it with 400 before routing, while the
    /// in-process TestServer throws on it in the client, so it would test the harness, not the Gateway.
    /// </summary>
    public static Gen<string> InPath(Gen<string> values) => values.Select(v => v.Replace("%00", "%01"));

    /// <summary>Shorter candidates that still carry <see cref="NotAnId"/>, so shrinking keeps a value invalid.</summary>
    public static IEnumerable<string> ShrinkInvalid(string value) =>
        Shorter(value).Where(v => v.Contains(NotAnId));

    public static IEnumerable<string> Shorter(string value)
    {
        if (value.Length <= 1)
            yield break;
        yield return NotAnId.ToString();
        yield return value[(value.Length / 2)..];
        yield return value[..(value.Length / 2)];
        yield return value[1..];
    }

    /// <summary>Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD) except unreserved ASCII.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                escaped.Append(c);
            else
                escaped.Append('%').Append(b.ToString("X2"));
        }
        return escaped.ToString();
    }
}
