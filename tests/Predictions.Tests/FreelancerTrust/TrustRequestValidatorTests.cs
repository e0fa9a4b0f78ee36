using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;
using static iAyos.Messaging.Predictions.Tests.FreelancerTrust.TrustProfiles;

namespace iAyos.Messaging.Predictions.Tests.FreelancerTrust;

public class TrustRequestValidatorTests
{
    private static void AssertOnlyError(EvaluateTrust request, string field)
    {
        var result = TrustRequestValidator.Validate(request, AsOf);
        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys.ToArray());
    }

    [Fact]
    public void Should_accept_a_real_profile_and_trim_it()
    {
        var result = TrustRequestValidator.Validate(Steady() with { Bio = "  Backend developer.  ", Skills = [" C# ", "", null] }, AsOf);

        Assert.True(result.IsValid);
        Assert.Equal("Backend developer.", result.Value!.Bio);
        Assert.Equal(["C#"], result.Value.Skills);
    }

    [Fact]
    public void Should_name_the_end_date_that_comes_before_its_start()
    {
        var profile = Steady() with { Projects = [Project("2020-01-01", "2020-02-01"), Project("2021-05-01", "2021-04-30")] };

        var result = TrustRequestValidator.Validate(profile, AsOf);

        Assert.Equal(["projects[1].end_date"], result.Errors.Keys.ToArray());
        Assert.Contains("2021-04-30 is before 2021-05-01", result.Errors["projects[1].end_date"][0]);
    }

    [Fact]
    public void Should_refuse_a_start_in_the_future() =>
        AssertOnlyError(Steady() with { Projects = [Project("2027-01-01", null)] }, "projects[0].start_date");

    [Fact]
    public void Should_refuse_a_project_without_a_start() =>
        AssertOnlyError(Steady() with { Projects = [Project("2020-01-01", null) with { StartDate = null }] }, "projects[0].start_date");

    [Fact]
    public void Should_refuse_a_link_that_is_no_web_address() =>
        AssertOnlyError(Steady() with { Projects = [Project("2020-01-01", null, "javascript:alert(1)")] }, "projects[0].link");

    [Fact]
    public void Should_refuse_a_missing_bio() => AssertOnlyError(Steady() with { Bio = " " }, "bio");

    [Fact]
    public void Should_refuse_a_null_project() => AssertOnlyError(Steady() with { Projects = [null] }, "projects[0]");

    [Fact]
    public void Should_refuse_too_many_projects() =>
        AssertOnlyError(Steady() with { Projects = Enumerable.Repeat(Project("2020-01-01", null), TrustRequestValidator.MaxProjects + 1).ToList() }, "projects");
}
