using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// Fit rows with some user and job indices replaced by <see cref="Predictions.JobBoard.JobRecommenderSpec.Unknown"/>: the
/// only way index 0, which serves every user and job the training part never saw, gets trained. Seeded, so the same
/// rows are masked every run; the content inputs (location, company, skills) are left as they are.
/// </summary>
public static class UnknownIds
{
    public static Tensor[] Mask(IReadOnlyList<Tensor> inputs, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (share is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "The unknown-id share must be in [0, 1).");
        var masked = inputs.Select(t => t).ToArray();
        if (share == 0) return masked;
        var random = new Random(seed);
        foreach (var column in new[] { ConvFmNetwork.UserInput, ConvFmNetwork.JobInput })
        {
            var ids = inputs[column].Clone();
            for (var r = 0; r < ids.Length; r++)
                if (random.NextDouble() < share) ids.Data[r] = 0;
            masked[column] = ids;
        }
        return masked;
    }
}
