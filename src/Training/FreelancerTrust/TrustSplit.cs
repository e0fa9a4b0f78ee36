namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>
/// The seed's 70/15/15 split, stratified: each label's rows are shuffled with the seed and cut at 70% and 85%, so every
/// part holds the same share of trustworthy profiles, and the same rows and seed always give the same parts.
/// </summary>
public sealed record TrustSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    public const double TrainShare = 0.70, ValidationShare = 0.15;

    public static TrustSplit Stratified(IReadOnlyList<bool> labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var random = new Random(seed);
        List<int> train = [], validation = [], test = [];
        foreach (var label in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(rows);
            var trainCount = (int)Math.Round(rows.Length * TrainShare);
            var validationCount = (int)Math.Round(rows.Length * ValidationShare);
            train.AddRange(rows[..trainCount]);
            validation.AddRange(rows[trainCount..(trainCount + validationCount)]);
            test.AddRange(rows[(trainCount + validationCount)..]);
        }
        // Row order inside a part is the dataset's: shuffling for batches is the trainer's job.
        train.Sort();
        validation.Sort();
        test.Sort();
        return new TrustSplit(train, validation, test);
    }
}
