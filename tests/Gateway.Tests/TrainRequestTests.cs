using iAyos.Messaging.Gateway.Training;

namespace iAyos.Messaging.Gateway.Tests;

public class TrainRequestTests
{
    [Fact]
    public void An_empty_request_takes_the_seed_defaults()
    {
        var parameters = new TrainRequest().Validate();

        Assert.True(parameters.IsValid);
        Assert.Equal(100, parameters.Value!.Epochs);
        Assert.Equal(32, parameters.Value.BatchSize);
        Assert.Equal(50, parameters.Value.MinSamples);
        Assert.False(parameters.Value.Force);
    }

    [Theory]
    [InlineData("../secrets.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("data/../../jobs.csv")]
    [InlineData("data//jobs.csv")]
    [InlineData("C:jobs.csv")]
    [InlineData("..\\jobs.csv")]
    [InlineData(".hidden.csv")]
    [InlineData("")]
    public void A_csv_file_outside_the_data_directory_is_refused(string file)
    {
        var parameters = new TrainRequest { CsvFile = file }.Validate();

        Assert.False(parameters.IsValid);
        Assert.Contains("csv_file", parameters.Errors.Keys);
    }

    [Fact]
    public void A_file_or_a_path_below_the_data_directory_is_accepted()
    {
        var parameters = new TrainRequest { CsvFile = "ph_blue_collar_synthetic.csv", SplitFile = "splits/ph_blue_collar_synthetic.split.json" }.Validate();

        Assert.True(parameters.IsValid);
        Assert.Equal("ph_blue_collar_synthetic.csv", parameters.Value!.CsvFile);
        Assert.Equal("splits/ph_blue_collar_synthetic.split.json", parameters.Value!.SplitFile);
    }

    [Theory]
    [InlineData(0, null, "epochs")]
    [InlineData(1001, null, "epochs")]
    [InlineData(null, 0, "batch_size")]
    [InlineData(null, 5000, "batch_size")]
    public void Out_of_range_numbers_are_named(int? epochs, int? batchSize, string field)
    {
        var parameters = new TrainRequest { Epochs = epochs, BatchSize = batchSize }.Validate();

        Assert.Equal([field], parameters.Errors.Keys);
    }

    [Theory]
    [InlineData("seed\u0000")]
    [InlineData("served; DROP")]
    [InlineData("")]
    public void A_configuration_that_is_not_a_name_is_refused(string configuration)
    {
        var parameters = new TrainRequest { Configuration = configuration }.Validate();

        Assert.False(parameters.IsValid);
        Assert.Contains("configuration", parameters.Errors.Keys);
    }

    [Fact]
    public void A_data_path_with_a_control_character_is_refused()
    {
        var parameters = new TrainRequest { CsvFile = "jobs\u0000.csv" }.Validate();

        Assert.False(parameters.IsValid);
        Assert.Contains("csv_file", parameters.Errors.Keys);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("served")]
    public void The_named_configurations_are_accepted(string configuration) =>
        Assert.True(new TrainRequest { Configuration = configuration }.Validate().IsValid);
}
