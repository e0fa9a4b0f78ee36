using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>Bodies that are not JSON and Content-Types that are not JSON, on every endpoint that reads a body.</summary>
[Collection(BadInputCollection.Name)]
public class Content_properties(BadInputGateway gateway)
{
    private static readonly int[] Unsupported = [415];
    private static readonly int[] BadRequest = [400];
    private static readonly int[] BadRequestOrUnsupported = [400, 415];

    [Property(MaxTest = 100)]
    public Property A_json_body_under_another_content_type_is_a_415_naming_it() =>
        Prop.ForAll(ContentCases.ValidJsonUnderAnotherType, p =>
            AnswerRules.FieldProblem(Answer.Of(gateway.Client, p), Unsupported, "Content-Type"));

    [Property(MaxTest = 30)]
    public Property A_charset_no_decoder_has_is_a_415_naming_the_content_type() =>
        Prop.ForAll(ContentCases.ValidJsonUnderUnknownCharset, p =>
            AnswerRules.FieldProblem(Answer.Of(gateway.Client, p), Unsupported, "Content-Type"));

    [Property(MaxTest = 200)]
    public Property Text_that_is_not_json_is_a_400_naming_a_field() =>
        Prop.ForAll(ContentCases.NotJsonText, p =>
            AnswerRules.FieldProblem(Answer.Of(gateway.Client, p), BadRequest));

    [Property(MaxTest = 200)]
    public Property Bytes_that_are_not_utf8_are_answered_below_500() =>
        Prop.ForAll(ContentCases.NotUtf8, c =>
            AnswerRules.NoServerError(Answer.Of(gateway.Client, c.Probe), c.Endpoint.MayReachWorker));

    [Property(MaxTest = 50)]
    public Property An_empty_body_is_refused_naming_the_body_or_content_type_unless_it_means_defaults() =>
        Prop.ForAll(ContentCases.EmptyBody, c =>
        {
            var answer = Answer.Of(gateway.Client, c.Probe);
            if (c.Endpoint.EmptyIsDefaults)
                AnswerRules.NoServerError(answer, mayReachWorker: false);
            else // routing refuses a non-JSON Content-Type (415) before the handler sees the body is empty (400)
                AnswerRules.FieldProblem(answer, BadRequestOrUnsupported, "body", "Content-Type");
        });
}
