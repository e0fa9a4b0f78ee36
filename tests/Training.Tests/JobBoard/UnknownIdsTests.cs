using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.JobBoard;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.Tests.JobBoard;

public sealed class UnknownIdsTests
{
    [Fact]
    public void Masks_about_the_share_of_user_and_job_ids_and_leaves_the_content_and_the_original_alone()
    {
        const int rows = 4000;
        Tensor Ids(int offset) => new([.. Enumerable.Range(1, rows).Select(i => (float)(i + offset))], rows, 1);
        Tensor[] inputs = [Ids(0), Ids(10), Ids(20), Ids(30), new([.. Enumerable.Repeat(3f, rows * 2)], rows, 2)];

        var masked = UnknownIds.Mask(inputs, 0.25, seed: 1);

        foreach (var column in new[] { ConvFmNetwork.UserInput, ConvFmNetwork.JobInput })
        {
            var zeros = masked[column].Data.Count(v => v == 0);
            Assert.InRange(zeros, 0.22 * rows, 0.28 * rows);
            Assert.All(inputs[column].Data, v => Assert.NotEqual(0, v)); // the encoded rows are not changed in place
            for (var r = 0; r < rows; r++)
                Assert.True(masked[column].Data[r] == 0 || masked[column].Data[r] == inputs[column].Data[r]);
        }
        Assert.NotEqual(masked[ConvFmNetwork.UserInput].Data.Select(v => v == 0), masked[ConvFmNetwork.JobInput].Data.Select(v => v == 0));
        foreach (var column in new[] { ConvFmNetwork.LocationInput, ConvFmNetwork.CompanyInput, ConvFmNetwork.SkillsInput })
            Assert.Same(inputs[column], masked[column]);
        Assert.Equal(masked[0].Data, UnknownIds.Mask(inputs, 0.25, seed: 1)[0].Data);
    }

    [Fact]
    public void A_zero_share_masks_nothing()
    {
        Tensor[] inputs = [new([1, 2], 2, 1), new([3, 4], 2, 1)];
        Assert.Equal(inputs, UnknownIds.Mask(inputs, 0, 1));
    }
}
