using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>Bodies that are not JSON, and JSON under a Content-Type that is not JSON.</summary>
public static class ContentCases
{
    private static readonly Gen<BodyEndpoint> Endpoint = Gen.Elements(BodyEndpoints.All.ToArray());

    /// <summary>Media types the Gateway does not read as JSON (absent, malformed, or another type).</summary>
    public static readonly string?[] NotJsonTypes =
    [
        null, "", "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "garbage", ";;;", "application/",
        "*/*", "application/jsonx", "application/json-patch", "text/html; charset=utf-8",
    ];

    /// <summary>JSON media types with a charset no decoder has, or none at all.</summary>
    public static readonly string[] UnknownCharsets =
    [
        "application/json; charset=bogus", "application/json; charset=\"\"", "application/json; charset=utf-99",
        "application/problem+json; charset=x-unknown", "application/json; charset=%00",
    ];

    /// <summary>A valid JSON body under a Content-Type that is not JSON.</summary>
    public static Arbitrary<Probe> ValidJsonUnderAnotherType => Arb.From(
        from e in Endpoint
        from type in Gen.Elements(NotJsonTypes)
        select new Probe("POST", e.Path, type, e.ValidBody));

    /// <summary>A valid JSON body whose Content-Type names a charset .NET does not know.</summary>
    public static Arbitrary<Probe> ValidJsonUnderUnknownCharset => Arb.From(
        from e in Endpoint
        from type in Gen.Elements(UnknownCharsets)
        select new Probe("POST", e.Path, type, e.ValidBody));

    /// <summary>No body at all (Content-Length 0), under any Content-Type.</summary>
    public static Arbitrary<(BodyEndpoint Endpoint, Probe Probe)> EmptyBody => Arb.From(
        from e in Endpoint
        from type in Gen.Elements([.. NotJsonTypes, "application/json"])
        select (e, new Probe("POST", e.Path, type, "")));

    /// <summary>Text that is not JSON (it starts with a character no JSON value starts with), sent as JSON.</summary>
    public static Arbitrary<Probe> NotJsonText => Arb.From(
        from e in Endpoint
        from start in Gen.Elements("<", "a", "#", "'", "}", "]", ",", ":", "=", "NaN", "{'", "{\"a\":", "[1,", "\"unclosed")
        from rest in JsonValues.Text
        select Probe.Json("POST", e.Path, start + rest),
        p => UrlParts.Shorter(p.Body!).Where(b => b.Length > 0).Select(b => p with { Body = b }));

    /// <summary>Bytes that are not UTF-8 (or not only), sent as JSON, in a field the endpoint reads or one it ignores.</summary>
    public static Arbitrary<(BodyEndpoint Endpoint, Probe Probe)> NotUtf8 => Arb.From(
        from e in Endpoint
        from name in Gen.Elements([.. e.Fields, "ignored"])
        from prefix in Gen.Elements("", $"{{\"{name}\":\"", "[\"")
        from bytes in Gen.NonEmptyListOf(Gen.Choose(0x80, 0xFF).Select(b => (byte)b))
        from suffix in Gen.Elements("", "\"}", "\"]")
        select (e, new Probe("POST", e.Path, "application/json",
            RawBody: [.. Encoding.UTF8.GetBytes(prefix), .. bytes, .. Encoding.UTF8.GetBytes(suffix)])));
}
