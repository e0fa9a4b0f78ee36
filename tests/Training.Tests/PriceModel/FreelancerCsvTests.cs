using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class FreelancerCsvTests
{
    private const string Header = "projectId,job_title,job_description,tags,client_state,min_price,max_price,avg_price,currency,rate_type,job_scope,skill_level,work_environment";

    private static FreelancerCsv.Result Read(params string[] rows) =>
        FreelancerCsv.Read(new StringReader(string.Join("\n", [Header, .. rows]) + "\n"), "test.csv");

    private static string Row(string id = "1", string title = "Fix sink", string description = "Leaks.", string tags = "\"['plumbing']\"",
        string min = "800", string max = "1200", string avg = "1000", string currency = "PHP", string rate = "fixed",
        string scope = "MINOR_REPAIR", string skill = "ENTRY", string environment = "INDOOR") =>
        $"{id},{title},{description},{tags},Manila,{min},{max},{avg},{currency},{rate},{scope},{skill},{environment}";

    [Fact]
    public void Read_keeps_a_clean_row_with_every_field()
    {
        var result = Read(Row());

        var job = Assert.Single(result.Jobs);
        Assert.Equal(0, job.RowIndex);
        Assert.Equal("1", job.ProjectId);
        Assert.Equal("Fix sink", job.Title);
        Assert.Equal("Leaks.", job.Description);
        Assert.Equal(["plumbing"], job.Tags);
        Assert.Equal((800.0, 1000.0, 1200.0), (job.MinPricePhp, job.AvgPricePhp, job.MaxPricePhp));
        Assert.Equal(("MINOR_REPAIR", "ENTRY", "INDOOR"), (job.JobScope, job.SkillLevel, job.WorkEnvironment));
        Assert.Equal(1, result.Report.Rows);
        Assert.Equal(1, result.Report.Kept);
        Assert.Equal(0, result.Report.SkippedTotal);
        Assert.Empty(result.Report.Repaired);
    }

    [Fact]
    public void Read_takes_quoted_commas_quotes_and_newlines_as_field_content()
    {
        var result = Read(
            Row(id: "1", title: "\"Fix sink, then tiles\"", description: "\"Line one,\nline \"\"two\"\"\""),
            Row(id: "2"));

        Assert.Equal(2, result.Jobs.Count);
        Assert.Equal("Fix sink, then tiles", result.Jobs[0].Title);
        Assert.Equal("Line one,\nline \"two\"", result.Jobs[0].Description);
        // Positions count records, not physical lines: the second record is data row 1.
        Assert.Equal([0, 1], result.Jobs.Select(j => j.RowIndex));
    }

    public static TheoryData<string, CsvSkipReason> SkippedRows => new()
    {
        { Row(title: "  "), CsvSkipReason.EmptyTitle },
        { Row(rate: "hourly"), CsvSkipReason.NotFixedPrice },
        { Row(rate: ""), CsvSkipReason.NotFixedPrice },
        { Row(currency: "XYZ"), CsvSkipReason.UnknownCurrency },
        { Row(currency: ""), CsvSkipReason.UnknownCurrency },
        { Row(min: ""), CsvSkipReason.MissingPrice },
        { Row(max: " "), CsvSkipReason.MissingPrice },
        { Row(min: "cheap"), CsvSkipReason.NonNumericPrice },
        { Row(avg: "$40"), CsvSkipReason.NonNumericPrice },
        { Row(max: "NaN"), CsvSkipReason.NonNumericPrice },
        { Row(min: "0"), CsvSkipReason.NonPositivePrice },
        { Row(min: "-5", max: "10", avg: "5"), CsvSkipReason.NonPositivePrice },
        { Row(avg: "1500"), CsvSkipReason.AvgOutsideRange },
        { Row(avg: "700"), CsvSkipReason.AvgOutsideRange },
        { Row() + ",extra", CsvSkipReason.Malformed },
        { "1,Fix sink,Leaks", CsvSkipReason.Malformed },
        { Row(title: "Fix \"big\" sink"), CsvSkipReason.Malformed },
    };

    [Theory]
    [MemberData(nameof(SkippedRows))]
    public void Read_skips_a_messy_row_and_counts_it_under_its_reason(string row, CsvSkipReason reason)
    {
        var result = Read(Row(id: "7"), row, Row(id: "9"));

        Assert.Equal(["7", "9"], result.Jobs.Select(j => j.ProjectId));
        Assert.Equal([0, 2], result.Jobs.Select(j => j.RowIndex)); // the skipped row still holds position 1
        Assert.Equal(3, result.Report.Rows);
        Assert.Equal(2, result.Report.Kept);
        Assert.Equal(1, result.Report.SkippedFor(reason));
        Assert.Equal(1, result.Report.SkippedTotal);
    }

    [Fact]
    public void Read_counts_each_skip_reason_separately()
    {
        var result = Read(Row(), Row(rate: "hourly"), Row(rate: "hourly"), Row(currency: "XYZ"), Row(min: ""));

        Assert.Equal(1, result.Report.Kept);
        Assert.Equal(2, result.Report.SkippedFor(CsvSkipReason.NotFixedPrice));
        Assert.Equal(1, result.Report.SkippedFor(CsvSkipReason.UnknownCurrency));
        Assert.Equal(1, result.Report.SkippedFor(CsvSkipReason.MissingPrice));
        Assert.Equal(0, result.Report.SkippedFor(CsvSkipReason.EmptyTitle));
    }

    [Fact]
    public void Read_swaps_a_reversed_range_and_counts_the_repair()
    {
        var result = Read(Row(min: "1200", max: "800", avg: "1000"));

        var job = Assert.Single(result.Jobs);
        Assert.Equal((800.0, 1000.0, 1200.0), (job.MinPricePhp, job.AvgPricePhp, job.MaxPricePhp));
        Assert.Equal(1, result.Report.RepairedFor(CsvRepair.MinMaxSwapped));
    }

    [Fact]
    public void Read_fills_a_missing_average_with_the_midpoint()
    {
        var job = Assert.Single(Read(Row(min: "800", max: "1300", avg: "")).Jobs);

        Assert.Equal(1050.0, job.AvgPricePhp);
    }

    [Fact]
    public void Read_converts_prices_to_php_with_the_seeds_rates()
    {
        var result = Read(Row(id: "1", currency: "USD", min: "10", max: "30", avg: "20"), Row(id: "2", currency: " eur ", min: "1", max: "3", avg: "2"));

        Assert.Equal((560.0, 1120.0, 1680.0), (result.Jobs[0].MinPricePhp, result.Jobs[0].AvgPricePhp, result.Jobs[0].MaxPricePhp));
        Assert.Equal("USD", result.Jobs[0].Currency);
        Assert.Equal((61.0, 122.0, 183.0), (result.Jobs[1].MinPricePhp, result.Jobs[1].AvgPricePhp, result.Jobs[1].MaxPricePhp));
        Assert.Equal("EUR", result.Jobs[1].Currency);
    }

    [Fact]
    public void Read_accepts_thousands_separators_in_quoted_prices()
    {
        var job = Assert.Single(Read(Row(min: "\"1,200\"", max: "\"2,400.50\"", avg: "1800")).Jobs);

        Assert.Equal((1200.0, 2400.5), (job.MinPricePhp, job.MaxPricePhp));
    }

    [Fact]
    public void Read_accepts_rate_type_and_enumerations_in_any_case()
    {
        var job = Assert.Single(Read(Row(rate: "Fixed", scope: "major renovation", skill: "expert", environment: "Both")).Jobs);

        Assert.Equal(("MAJOR_RENOVATION", "EXPERT", "BOTH"), (job.JobScope, job.SkillLevel, job.WorkEnvironment));
    }

    [Fact]
    public void Read_defaults_an_unknown_skill_level_and_drops_an_unknown_scope_counting_both()
    {
        var result = Read(Row(skill: "GURU", scope: "HUGE"), Row(skill: "", scope: "", environment: ""));

        Assert.All(result.Jobs, j => Assert.Equal("INTERMEDIATE", j.SkillLevel));
        Assert.All(result.Jobs, j => Assert.Null(j.JobScope));
        Assert.Equal(2, result.Report.RepairedFor(CsvRepair.SkillLevelDefaulted));
        Assert.Equal(1, result.Report.RepairedFor(CsvRepair.UnknownScopeOrEnvironmentDropped));
    }

    [Fact]
    public void Read_parses_tags_written_as_plain_text_and_counts_it()
    {
        var result = Read(Row(tags: "\"plumbing, pipes\""));

        Assert.Equal(["plumbing", "pipes"], Assert.Single(result.Jobs).Tags);
        Assert.Equal(1, result.Report.RepairedFor(CsvRepair.TagsFromPlainText));
    }

    [Fact]
    public void Read_needs_only_the_seeds_columns_in_any_order()
    {
        var csv = "currency,rate_type,max_price,min_price,job_title\nUSD,fixed,2,1,Paint wall\n";

        var job = Assert.Single(FreelancerCsv.Read(new StringReader(csv), "minimal.csv").Jobs);

        Assert.Equal(("Paint wall", 56.0, 84.0, 112.0), (job.Title, job.MinPricePhp, job.AvgPricePhp, job.MaxPricePhp));
        Assert.Null(job.ProjectId);
        Assert.Empty(job.Tags);
    }

    [Fact]
    public void Read_refuses_a_file_without_a_required_column()
    {
        var ex = Assert.Throws<InvalidDataException>(() => FreelancerCsv.Read(new StringReader("job_title,min_price,currency\nx,1,PHP\n"), "bad.csv"));

        Assert.Contains("max_price", ex.Message);
        Assert.Contains("rate_type", ex.Message);
    }

    [Fact]
    public void Read_refuses_an_empty_file()
    {
        Assert.Throws<InvalidDataException>(() => FreelancerCsv.Read(new StringReader(""), "empty.csv"));
    }

    [Fact]
    public void ReadFile_keeps_all_501_rows_of_the_shared_synthetic_csv_in_php()
    {
        var result = FreelancerCsv.ReadFile(SharedData.PhBlueCollarCsv);

        Assert.Equal(501, result.Report.Rows);
        Assert.Equal(501, result.Report.Kept);
        Assert.Equal(Enumerable.Range(0, 501), result.Jobs.Select(j => j.RowIndex));
        Assert.All(result.Jobs, j =>
        {
            Assert.Equal("PHP", j.Currency);
            Assert.True(j.MinPricePhp <= j.AvgPricePhp && j.AvgPricePhp <= j.MaxPricePhp);
            Assert.NotNull(j.JobScope);
            Assert.NotNull(j.WorkEnvironment);
            Assert.NotEmpty(j.Tags);
        });
        Assert.Equal("Repair refrigerator", result.Jobs[0].Title);
        Assert.Equal(["electronics", "repair", "maintenance"], result.Jobs[0].Tags);
    }
}
