using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>Route values (ids, kinds, versions) and query values (limit, max_distance_km, min_samples, kind).</summary>
[Collection(BadInputCollection.Name)]
public class Url_properties(BadInputGateway gateway)
{
    [Property(MaxTest = 300)]
    public Property A_route_value_that_is_no_id_kind_or_version_is_a_400_naming_it() =>
        Prop.ForAll(UrlCases.InvalidRouteValue, c =>
            AnswerRules.FieldProblem(Answer.Of(gateway.Client, c.ToProbe()), c.Template.Field));

    [Property(MaxTest = 300)]
    public Property Any_route_value_is_answered_below_500() =>
        Prop.ForAll(UrlCases.AnyRouteValue, c =>
            AnswerRules.NoServerError(Answer.Of(gateway.Client, c.ToProbe()), c.Template.MayReachWorker));

    [Property(MaxTest = 300)]
    public Property A_query_value_out_of_range_not_a_number_or_repeated_is_a_400_naming_it() =>
        Prop.ForAll(UrlCases.InvalidQueryValue, c =>
            AnswerRules.FieldProblem(Answer.Of(gateway.Client, c.ToProbe()), c.Template.Field));

    [Property(MaxTest = 200)]
    public Property Any_query_value_is_answered_below_500() =>
        Prop.ForAll(UrlCases.AnyQueryValue, c =>
            AnswerRules.NoServerError(Answer.Of(gateway.Client, c.ToProbe()), c.Template.MayReachWorker));
}
