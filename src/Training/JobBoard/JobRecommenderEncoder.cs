using iAyos.Messaging.Engine;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// (user, job) pairs as the networks' five inputs under one spec, through the shared <see cref="JobRecommenderInputs"/>
/// and <see cref="EncodedJob"/> (each job encoded once), then <see cref="ConvFmNetwork.Inputs"/>: user, job, location and
/// company indices [N, 1] and skill indices [N, max_skills], float-coded as the engine's embeddings take them.
/// </summary>
public sealed class JobRecommenderEncoder(JobRecommenderSpec spec, IReadOnlyDictionary<long, JobRecord> jobs)
{
    private readonly Dictionary<long, EncodedJob> _encoded = [];

    public JobRecommenderSpec Spec { get; } = spec ?? throw new ArgumentNullException(nameof(spec));

    public EncodedJob Job(long jobId)
    {
        if (!_encoded.TryGetValue(jobId, out var job))
            _encoded[jobId] = job = EncodedJob.From(Spec, jobs[jobId].Facts);
        return job;
    }

    public JobRecommenderInputs Inputs(IReadOnlyList<(long UserId, long JobId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return JobRecommenderInputs.Encode(Spec, [.. pairs.Select(p => (p.UserId, Job(p.JobId)))]);
    }

    public Tensor[] Tensors(IReadOnlyList<(long UserId, long JobId)> pairs) => Tensors(Inputs(pairs));

    /// <summary>The encoded rows as the networks' inputs (the ConvFM's order, which the MF baseline shares).</summary>
    public static Tensor[] Tensors(JobRecommenderInputs rows) => ConvFmNetwork.Inputs(rows);

    /// <summary>Labels [N, 1]: 1 for an application, 0 for a negative.</summary>
    public static Tensor Labels(IReadOnlyList<JobRecommenderExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var y = Tensor.Zeros(examples.Count, 1);
        for (var i = 0; i < examples.Count; i++) y.Data[i] = examples[i].Applied ? 1 : 0;
        return y;
    }
}
