using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>A JSON body sent to one endpoint; <paramref name="Field"/> is the field a mutation changed, if any.</summary>
public sealed record BodyCase(BodyEndpoint Endpoint, JsonNode? Body, string? Field = null)
{
    public Probe ToProbe() => Probe.Json("POST", Endpoint.Path, JsonValues.ToText(Body));

    public override string ToString() =>
        (Field is null ? "" : $"(field '{Field}' changed) ") + ToProbe();
}

/// <summary>Generators of <see cref="BodyCase"/>s, each with the shrinking that keeps what its property is about.</summary>
public static class BodyCases
{
    private static readonly Gen<BodyEndpoint> Endpoint = Gen.Elements(BodyEndpoints.All.ToArray());

    /// <summary>Any JSON value, mostly objects keyed by the endpoint's fields.</summary>
    public static Arbitrary<BodyCase> AnyJson => Arb.From(
        Endpoint.SelectMany(e => JsonValues.Any(e.Fields), (e, body) => new BodyCase(e, body)),
        ShrinkBody);

    /// <summary>Scalars and arrays: valid JSON, but never the object every endpoint reads.</summary>
    public static Arbitrary<BodyCase> NotAnObject => Arb.From(
        Endpoint.SelectMany(_ => JsonValues.NotAnObject, (e, body) => new BodyCase(e, body)),
        c => ShrinkBody(c).Where(s => s.Body is not JsonObject));

    /// <summary>A valid body with one field's value replaced by a non-null value of another JSON kind.</summary>
    public static Arbitrary<BodyCase> OneFieldOfAnotherKind => Arb.From(
        from e in Endpoint
        from name in Gen.Elements(e.Fields.ToArray())
        from value in JsonValues.OfAnotherKind(e.Valid()[name]!.GetValueKind(), e.Fields)
        select With(e, name, value),
        c => JsonValues.Shrink(c.Body![c.Field!])
            .Where(v => v is not null && JsonValues.KindOf(v) != JsonValues.KindOf(c.Endpoint.Valid()[c.Field!]))
            .Select(v => With(c.Endpoint, c.Field!, v)));

    /// <summary>
    /// A valid body with one change: a field removed, set to null, given another value of its kind (huge,
    /// negative, long, odd text) or of another kind, or an extra field added.
    /// </summary>
    public static Arbitrary<BodyCase> OneFieldMutated => Arb.From(
        from e in Endpoint
        from name in Gen.Elements(e.Fields.ToArray())
        from mutation in Gen.Choose(0, 4)
        from value in mutation switch
        {
            2 => JsonValues.OfSameKind(e.Valid()[name]!.GetValueKind(), e.Fields),
            3 => JsonValues.OfAnotherKind(e.Valid()[name]!.GetValueKind(), e.Fields),
            _ => JsonValues.Any([]),
        }
        from extra in JsonValues.Text
        select mutation switch
        {
            0 => Without(e, name),
            1 => With(e, name, null),
            4 => With(e, "extra_" + extra, value),
            _ => With(e, name, value),
        },
        ShrinkBody);

    private static BodyCase With(BodyEndpoint e, string field, JsonNode? value)
    {
        var body = e.Valid();
        body[field] = value;
        return new BodyCase(e, body, field);
    }

    private static BodyCase Without(BodyEndpoint e, string field)
    {
        var body = e.Valid();
        body.Remove(field);
        return new BodyCase(e, body, field);
    }

    private static IEnumerable<BodyCase> ShrinkBody(BodyCase c) => JsonValues.Shrink(c.Body).Select(b => c with { Body = b });
}
