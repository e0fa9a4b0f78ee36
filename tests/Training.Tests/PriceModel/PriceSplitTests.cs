using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class PriceSplitTests
{
    private static PriceTrainingRow Row(int index, string? id = null) =>
        PriceTrainingRow.FromPrices(new PredictPrice { Title = $"job {index}" }, 100, 200, 300, index, "test") with { SourceId = id };

    [Fact]
    public void The_shared_split_cuts_the_synthetic_csv_350_75_76_without_overlap()
    {
        var dataset = PriceDataset.FromCsv(SharedData.PhBlueCollarCsv, SharedData.PhBlueCollarSplit);

        Assert.Equal((350, 75, 76), (dataset.Train.Count, dataset.Validation.Count, dataset.Test.Count));
        var all = dataset.Train.Concat(dataset.Validation).Concat(dataset.Test).Select(r => r.RowIndex).ToList();
        Assert.Equal(501, all.Distinct().Count());
        Assert.Equal("file", dataset.Split);
        Assert.Equal(0, dataset.SplitRowsMissing);
        // The split's projectIds were checked against the CSV's; spot-check one by hand.
        var split = PriceSplit.ReadFile(SharedData.PhBlueCollarSplit);
        Assert.Equal(split.Test[0], dataset.Test[0].RowIndex);
        Assert.Equal(split.TestProjectIds![0].GetRawText(), dataset.Test[0].SourceId);
    }

    [Fact]
    public void Apply_selects_the_named_rows_in_the_splits_order_and_counts_skipped_ones()
    {
        var split = PriceSplit.Parse("""{"train": [3, 0], "val": [1], "test": [2, 9]}""");

        var parts = split.Apply([Row(0), Row(1), Row(2), Row(3), Row(4)]);

        Assert.Equal([3, 0], parts.Train.Select(r => r.RowIndex));
        Assert.Equal([1], parts.Validation.Select(r => r.RowIndex));
        Assert.Equal([2], parts.Test.Select(r => r.RowIndex));
        Assert.Equal(1, parts.NamedButMissing); // row 9 was skipped by cleaning; row 4 is named nowhere
    }

    [Fact]
    public void Apply_refuses_a_split_whose_project_ids_disagree_with_the_rows()
    {
        var split = PriceSplit.Parse("""{"train": [0], "val": [1], "test": [2], "train_projectId": [10], "val_projectId": ["11"], "test_projectId": [99]}""");

        var ex = Assert.Throws<InvalidDataException>(() => split.Apply([Row(0, "10"), Row(1, "11"), Row(2, "12")]));

        Assert.Contains("another file", ex.Message);
    }

    [Fact]
    public void Apply_accepts_matching_project_ids_written_as_numbers_or_strings()
    {
        var split = PriceSplit.Parse("""{"train": [0], "val": [1], "test": [2], "train_projectId": [10], "val_projectId": ["11"], "test_projectId": [12]}""");

        var parts = split.Apply([Row(0, "10"), Row(1, "11"), Row(2, "12")]);

        Assert.Equal((1, 1, 1), (parts.Train.Count, parts.Validation.Count, parts.Test.Count));
    }

    [Theory]
    [InlineData("""{"train": [0, 1], "val": [1], "test": [2]}""")]   // a row in two partitions
    [InlineData("""{"train": [0, 0], "val": [1], "test": [2]}""")]   // a row twice
    [InlineData("""{"train": [-1], "val": [1], "test": [2]}""")]     // negative
    [InlineData("""{"train": [0], "val": [1]}""")]                   // no test list
    [InlineData("""[0, 1, 2]""")]                                    // not an object
    public void Parse_refuses_a_split_that_is_not_a_partition(string json)
    {
        Assert.Throws<InvalidDataException>(() => PriceSplit.Parse(json));
    }

    [Fact]
    public void Random_cuts_70_15_15_deterministically_and_covers_every_row_once()
    {
        var rows = Enumerable.Range(0, 501).ToList();

        var first = PriceSplit.Random(rows, seed: 42);
        var again = PriceSplit.Random(rows, seed: 42);
        var other = PriceSplit.Random(rows, seed: 43);

        Assert.Equal((351, 75, 75), (first.Train.Count, first.Validation.Count, first.Test.Count));
        Assert.Equal(first.Train, again.Train);
        Assert.Equal(first.Test, again.Test);
        Assert.NotEqual(first.Train, other.Train);
        Assert.Equal(rows, first.Train.Concat(first.Validation).Concat(first.Test).Order());
    }

    [Fact]
    public void A_dataset_without_a_split_file_uses_the_seeded_split()
    {
        var dataset = PriceDataset.FromCsv(SharedData.PhBlueCollarCsv, splitPath: null, seed: 7);

        Assert.Equal("seed:7", dataset.Split);
        Assert.Equal(PriceSplit.Random(Enumerable.Range(0, 501), 7).Test, dataset.Test.Select(r => r.RowIndex));
    }
}
