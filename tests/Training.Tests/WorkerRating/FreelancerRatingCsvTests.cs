using iAyos.Messaging.Training.Tests.PriceModel;
using iAyos.Messaging.Training.WorkerRating;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

public class FreelancerRatingCsvTests
{
    private const string Header = "freelancer_ID,name,gender,age,country,language,primary_skill,years_of_experience,hourly_rate (USD),rating,is_active,client_satisfaction\n";

    private static FreelancerRatingCsv.Result Read(string body, RatingSplit? split = null) =>
        FreelancerRatingCsv.Read(new StringReader(Header + body), "inline.csv", split);

    [Fact]
    public void Every_dropped_row_is_counted_once_under_its_first_reason()
    {
        var result = Read("""
            FL1,A,f,52.0,Italy,Italian,AI,11.0,100,4.0,1,84%
            FL2,B,MALE,,Germany,German,DevOps,,USD 75,,yes,90%
            FL3,C,m,30.0,Germany,German,DevOps,3.0,$40,0.0,N,70%
            FL4,D,F,30.0,Germany,German,DevOps,3.0,$40,3.5,True,
            FL5,E,F,30.0,Germany,German,DevOps,3.0,$40,six,True,80
            FL6,F,F,30.0,Germany,German,DevOps,3.0,$40,4.5,True,180%
            FL7,G,F,30.0,Germany,German,DevOps,3.0,$40,4.5,True
            FL8,H,x,abc,Canada,English,Web Development,,,2.5,maybe,92
            """);

        var report = result.Report;
        Assert.Equal(8, report.Rows);
        Assert.Equal(2, report.Kept);
        Assert.Equal(6, report.SkippedTotal);
        Assert.Equal(1, report.SkippedFor(RatingCsvSkipReason.MissingRating));     // FL2
        Assert.Equal(1, report.SkippedFor(RatingCsvSkipReason.ZeroRating));        // FL3
        Assert.Equal(1, report.SkippedFor(RatingCsvSkipReason.MissingSatisfaction)); // FL4
        Assert.Equal(1, report.SkippedFor(RatingCsvSkipReason.InvalidRating));     // FL5
        Assert.Equal(1, report.SkippedFor(RatingCsvSkipReason.InvalidSatisfaction)); // FL6
        Assert.Equal(1, report.SkippedFor(RatingCsvSkipReason.Malformed));         // FL7: a field short
        // FL8 is kept with every repair; FL1 needs none.
        foreach (var repair in Enum.GetValues<RatingCsvRepair>())
            Assert.Equal(1, report.RepairedFor(repair));
    }

    [Fact]
    public void A_kept_row_is_cleaned_and_its_target_is_the_seeds_composite_while_only_the_seed_inputs_see_it()
    {
        var rows = Read("FL1,A,f,52.0,Italy,Italian,AI,11.0,USD 75,4.0,Y,84%\nFL2,B,m,40.0,Italy,Italian,AI,11.0,$40,3.0,no,60\n"
            + "FL3,C,m,40.0,Italy,Italian,AI,11.0,100,5.0,False,100\nFL4,D,m,40.0,Italy,Italian,AI,11.0,20,1.0,1,0\n").Rows;
        var all = rows.Train.Concat(rows.Validation).Concat(rows.Test).ToDictionary(r => r.Key);

        var row = all["FL1"];
        Assert.Equal((4.0 / 5 * 0.5 + 84.0 / 100 * 0.5) * 100, row.Target, 9);
        Assert.Equal((11.0, 75m, true, "Italy", "AI"), (row.Inputs.YearsExperience, row.Inputs.HourlyRate, row.Inputs.IsActive, row.Inputs.Country, row.Inputs.PrimarySkill));
        Assert.Equal((0.0, (double?)null), (row.Inputs.AverageRating, row.Inputs.ClientSatisfaction));       // what the served model sees
        Assert.Equal((4.0, (double?)84), (row.SeedInputs.AverageRating, row.SeedInputs.ClientSatisfaction)); // the seed's leak
        Assert.Equal((40m, false), (all["FL2"].Inputs.HourlyRate, all["FL2"].Inputs.IsActive));
        Assert.Equal(false, all["FL3"].Inputs.IsActive);
    }

    [Theory]
    [InlineData("USD 75", 75)]
    [InlineData("$40", 40)]
    [InlineData(" 100 ", 100)]
    [InlineData("", null)]
    [InlineData("$", null)]
    [InlineData("0", null)]
    public void Hourly_rates_are_read_in_every_spelling(string raw, int? expected) =>
        Assert.Equal(expected is { } e ? e : null, FreelancerFields.HourlyRate(raw));

    [Theory]
    [InlineData("1", true)] [InlineData("yes", true)] [InlineData("True", true)] [InlineData("Y", true)]
    [InlineData("0", false)] [InlineData("no", false)] [InlineData("False", false)] [InlineData("N", false)]
    [InlineData("", null)] [InlineData("maybe", null)]
    public void Activity_is_read_in_every_spelling(string raw, bool? expected) => Assert.Equal(expected, FreelancerFields.Active(raw));

    [Theory]
    [InlineData("f", "F")] [InlineData("FEMALE", "F")] [InlineData("Female", "F")] [InlineData("M", "M")] [InlineData("male", "M")] [InlineData("x", null)]
    public void Genders_are_read_in_every_spelling(string raw, string? expected) => Assert.Equal(expected, FreelancerFields.Gender(raw));

    [Fact]
    public void A_split_that_names_another_files_ids_is_refused()
    {
        var split = new RatingSplit { Train = [0], Validation = [], Test = [], TrainIds = ["FL999"] };
        Assert.Throws<InvalidDataException>(() => Read("FL1,A,f,52.0,Italy,Italian,AI,11.0,100,4.0,1,84%\n", split));
    }

    [Fact]
    public void The_shared_file_drops_rows_without_an_outcome_and_keeps_the_split_partitions()
    {
        var data = WorkerRatingDataset.FromCsv(Path.Combine(SharedData.Directory, "global_freelancers_raw.csv"),
            Path.Combine(SharedData.Directory, "splits", "global_freelancers_raw.split.json"), 42);
        var report = data.Cleaning!;

        Assert.Equal(1000, report.Rows);
        Assert.Equal(101, report.SkippedFor(RatingCsvSkipReason.MissingRating));
        Assert.Equal(145, report.SkippedFor(RatingCsvSkipReason.ZeroRating));
        Assert.Equal(123, report.SkippedFor(RatingCsvSkipReason.MissingSatisfaction));
        Assert.Equal(0, report.SkippedFor(RatingCsvSkipReason.NotInSplit)); // the split names exactly the rows with a usable rating
        Assert.Equal(report.Rows, report.Kept + report.SkippedTotal);
        Assert.Equal((445, 85, 101), (data.Train.Count, data.Validation.Count, data.Test.Count));
        Assert.Equal((64, 20, 36, 60, 0), (report.RepairedFor(RatingCsvRepair.HourlyRateUnset), report.RepairedFor(RatingCsvRepair.AgeUnknown),
            report.RepairedFor(RatingCsvRepair.ExperienceDefaulted), report.RepairedFor(RatingCsvRepair.ActivityUnknown), report.RepairedFor(RatingCsvRepair.GenderUnknown)));
        Assert.All(data.Train.Concat(data.Validation).Concat(data.Test), r =>
        {
            Assert.InRange(r.Target, 0, 100);
            Assert.Equal((0.0, (double?)null, 0), (r.Inputs.AverageRating, r.Inputs.ClientSatisfaction, r.Inputs.CompletedJobs));
        });
        Assert.False(data.HasHistory);
    }
}
