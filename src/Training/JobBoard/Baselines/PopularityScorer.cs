namespace iAyos.Messaging.Training.JobBoard.Baselines;

/// <summary>The popularity baseline: a job's score is how many applications it had in the examples it was counted on
/// (the training part), the same for every user; a job never applied to there scores 0.</summary>
public sealed class PopularityScorer
{
    private readonly Dictionary<long, int> _applications = [];

    public PopularityScorer(IEnumerable<JobRecommenderExample> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        foreach (var e in training)
            if (e.Applied) _applications[e.JobId] = _applications.GetValueOrDefault(e.JobId) + 1;
    }

    public int Applications(long jobId) => _applications.GetValueOrDefault(jobId);

    public IReadOnlyList<double> Score(IReadOnlyList<(long UserId, long JobId)> pairs) => [.. pairs.Select(p => (double)Applications(p.JobId))];
}
