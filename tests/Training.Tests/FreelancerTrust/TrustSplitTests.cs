using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Training.Tests.FreelancerTrust;

public class TrustSplitTests
{
    private static bool[] Labels(int count, double positiveShare) =>
        [.. Enumerable.Range(0, count).Select(i => i < count * positiveShare)];

    [Fact]
    public void Every_part_holds_the_same_share_of_each_label_and_the_parts_cover_the_rows_once()
    {
        var labels = Labels(1000, 0.3);

        var split = TrustSplit.Stratified(labels, 7);

        Assert.Equal(700, split.Train.Count);
        Assert.Equal(150, split.Validation.Count);
        Assert.Equal(150, split.Test.Count);
        foreach (var part in new[] { split.Train, split.Validation, split.Test })
            Assert.Equal(0.3, part.Count(i => labels[i]) / (double)part.Count, 3);
        Assert.Equal(Enumerable.Range(0, 1000), split.Train.Concat(split.Validation).Concat(split.Test).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_parts_and_another_seed_other_parts()
    {
        var labels = Labels(500, 0.5);

        var first = TrustSplit.Stratified(labels, 3);
        var again = TrustSplit.Stratified(labels, 3);
        var other = TrustSplit.Stratified(labels, 4);

        Assert.Equal(first.Test, again.Test);
        Assert.Equal(first.Train, again.Train);
        Assert.NotEqual(first.Test, other.Test);
    }
}
