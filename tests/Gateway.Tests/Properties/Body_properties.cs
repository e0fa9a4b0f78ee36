using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>JSON bodies of every endpoint that reads one: arbitrary values and mutations of a valid body.</summary>
[Collection(BadInputCollection.Name)]
public class Body_properties(BadInputGateway gateway)
{
    [Property(MaxTest = 500)]
    public Property Any_json_body_is_answered_below_500() =>
        Prop.ForAll(BodyCases.AnyJson, c =>
            AnswerRules.NoServerError(Answer.Of(gateway.Client, c.ToProbe()), c.Endpoint.MayReachWorker));

    [Property(MaxTest = 200)]
    public Property A_body_that_is_not_a_json_object_is_a_400_naming_the_body() =>
        Prop.ForAll(BodyCases.NotAnObject, c => ExpectFieldProblem(c.ToProbe(), "body"));

    [Property(MaxTest = 300)]
    public Property A_field_of_another_json_kind_is_a_400_naming_that_field() =>
        Prop.ForAll(BodyCases.OneFieldOfAnotherKind, c => ExpectFieldProblem(c.ToProbe(), c.Field!));

    [Property(MaxTest = 150)]
    public Property A_valid_body_with_one_field_removed_nulled_changed_or_added_is_answered_below_500() =>
        Prop.ForAll(BodyCases.OneFieldMutated, c =>
            AnswerRules.NoServerError(Answer.Of(gateway.Client, c.ToProbe()), c.Endpoint.MayReachWorker));

    /// <summary>A 400 naming <paramref name="field"/>; a body over the size limit is refused whole (413 naming the body) first.</summary>
    private void ExpectFieldProblem(Probe probe, string field)
    {
        var answer = Answer.Of(gateway.Client, probe);
        if (probe.BodyBytes > BadInputGateway.MaxRequestBodyBytes)
            AnswerRules.FieldProblem(answer, TooLarge, "body");
        else
            AnswerRules.FieldProblem(answer, field);
    }

    private static readonly int[] TooLarge = [413];
}
