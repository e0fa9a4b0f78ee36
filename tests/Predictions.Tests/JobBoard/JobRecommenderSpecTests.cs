using System.Text.Json;
using iAyos.Messaging.Predictions.JobBoard;
using static iAyos.Messaging.Predictions.Tests.JobBoard.JobBoardTestFacts;

namespace iAyos.Messaging.Predictions.Tests.JobBoard;

public class JobRecommenderSpecTests
{
    private static readonly JobRecommenderSpec Spec = new()
    {
        UserIds = [10, 20],
        JobIds = [5],
        Locations = ["manila", "remote"],
        Companies = ["acme"],
        Skills = ["python", "sql", "docker"],
        SkillIdf = [1, 1, 2],
        MaxSkills = 4,
        ExtractedSkills = 2,
    };

    [Fact]
    public void Known_ids_and_names_map_from_one_and_the_rest_to_unknown()
    {
        Assert.Equal([1L, 2L, 0L], new long[] { Spec.UserIndex(10), Spec.UserIndex(20), Spec.UserIndex(99) });
        Assert.Equal([2L, 1L, 0L, 0L], new[] { Spec.LocationIndex(" Remote"), Spec.LocationIndex("MANILA"), Spec.LocationIndex("cebu"), Spec.LocationIndex(null) });
        Assert.Equal([3L, 0L], new[] { Spec.SkillIndex("Docker"), Spec.SkillIndex("rust") });
    }

    [Fact]
    public void A_job_encodes_to_its_indices_and_a_zero_padded_skill_bag()
    {
        var encoded = EncodedJob.From(Spec, Job(5, "we run docker", "SQL", "rust") with { Location = "Remote" });

        Assert.Equal((1L, 2L, 1L), (encoded.JobIndex, encoded.LocationIndex, encoded.CompanyIndex));
        Assert.Equal([2L, 3L, 0L, 0L], encoded.SkillIndices);
        Assert.Equal(["sql", "docker"], encoded.Skills);
    }

    [Fact]
    public void Rows_for_one_user_repeat_the_user_and_lay_skills_row_major()
    {
        var jobs = new[] { EncodedJob.From(Spec, Job(5, "", "python")), EncodedJob.From(Spec, Job(6, "", "sql", "docker")) };

        var inputs = JobRecommenderInputs.ForUser(Spec, EncodedUser.From(Spec, 20, new UserFacts(20, ["docker", "rust"], "remote", null, null)), jobs);

        Assert.Equal([2L, 2L], inputs.Users);
        Assert.Equal([1L, 0L], inputs.Jobs);
        Assert.Equal([1L, 0, 0, 0, 2, 3, 0, 0], inputs.Skills); // marking off: the job's skills as they are
    }

    [Fact]
    public void With_marking_a_job_skill_the_user_has_takes_its_second_row()
    {
        var spec = Spec with { MarkUserSkills = true, MarkUserLocation = true };
        var job = EncodedJob.From(spec, Job(6, "", "sql", "docker", "python")); // in manila (location 1)
        var inManila = EncodedUser.From(spec, 20, new UserFacts(20, ["Docker", "python", "rust"], "Manila", null, null));
        var remoteUser = EncodedUser.From(spec, 21, new UserFacts(21, [], "remote", null, null));

        var inputs = JobRecommenderInputs.Encode(spec, [(inManila, job), (remoteUser, job), (EncodedUser.From(spec, 22, null), job)]);

        // sql (2) not held; docker (3) and python (1) held: 3 + 3 and 1 + 3; padding stays 0. Nothing marked without a profile.
        Assert.Equal([2L, 6L, 4L, 0L, 2L, 3L, 1L, 0L, 2L, 3L, 1L, 0L], inputs.Skills);
        // Manila is location 1 of 2: the user's own city takes row 1 + 2; another's keeps row 1.
        Assert.Equal([3L, 1L, 1L], inputs.Locations);
        Assert.Equal(5, spec.LocationRows);
        Assert.Equal(7, spec.SkillRows);
        Assert.Equal(4, Spec.SkillRows);
        Assert.Equal(new HashSet<long> { 1, 3 }, spec.UserSkillIndices(["python", "docker", "cobol"]));
    }

    [Fact]
    public void The_spec_round_trips_through_json()
    {
        var parsed = JobRecommenderSpec.Parse(Spec.ToJson());

        Assert.Equal(Spec.Skills, parsed.Skills);
        Assert.Equal(Spec.MaxSkills, parsed.MaxSkills);
        Assert.Equal(2, parsed.UserIndex(20));
        Assert.True(JobRecommenderSpec.Parse((Spec with { MarkUserSkills = true }).ToJson()).MarkUserSkills);
        Assert.Contains("\"max_skills\":4", Spec.ToJson());
    }

    [Theory]
    [InlineData("""{"skills":["a"],"skill_idf":[]}""")]
    [InlineData("""{"user_ids":[1,1]}""")]
    [InlineData("""{"max_skills":0}""")]
    [InlineData("""{"skills":["a","A"],"skill_idf":[1,1]}""")]
    public void A_corrupt_spec_is_refused_at_load(string json)
    {
        Assert.ThrowsAny<Exception>(() => JobRecommenderSpec.Parse(json));
    }

    [Fact]
    public void A_spec_file_missing_fields_parses_with_defaults()
    {
        var spec = JobRecommenderSpec.Parse("{}");
        Assert.Equal(("skills", "score", 10), (spec.InputName, spec.OutputName, spec.MaxSkills));
        Assert.Throws<JsonException>(() => JobRecommenderSpec.Parse("null"));
    }
}
