using BenchmarkDotNet.Attributes;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>
/// Seed 002's serving cost for one user against 1,000 candidate jobs, on the real exported ConvFM (helper N's
/// <see cref="ConvFmNetwork"/>, untrained: latency does not depend on the weights) at the scale (2,000 users,
/// 5,000 jobs): the ONNX Runtime run alone, with 1 or 2 intra-op threads; the whole ranking the ScoringWorker does per
/// request from cached encodings (rows, run, top 10, matched skills); and, for comparison, encoding the 1,000 jobs from
/// their text, which the candidate cache saves on every request.
/// </summary>
[MemoryDiagnoser]
public class JobRecommendationScoring
{
    public const int Users = 2_000, Jobs = 5_000, Locations = 60, Companies = 400, Candidates = 1_000;

    private LoadedModel _model = null!;
    private JobRecommenderSpec _spec = null!;
    private IReadOnlyList<JobFacts> _jobs = null!;
    private IReadOnlyList<CandidateJob> _candidates = null!;
    private JobRecommenderInputs _rows = null!;
    private UserFacts _user = null!;

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var board = SyntheticJobBoard.Create(Jobs, Locations, Companies, seed: 11);
        _spec = board.Spec(Users);
        var network = new ConvFmNetwork(_spec.UserIds.Count + 1, _spec.JobIds.Count + 1, _spec.LocationRows, _spec.Companies.Count + 1,
            _spec.SkillRows, _spec.MaxSkills, new Random(3));
        var session = OnnxSession.FromBytes(network.ExportOnnx("convfm", _spec), new OnnxSessionOptions { IntraOpThreads = IntraOpThreads });
        _model = new LoadedModel(JobRecommenderKind.KindName, 1, "bench", session, DateTimeOffset.UtcNow, _spec);
        _jobs = board.Jobs.Take(Candidates).ToList();
        _candidates = _jobs.Select(j => CandidateJobCache.Encode(_spec, new JobListing(j, null, null))).ToList();
        _user = new UserFacts(42, [.. _spec.Skills.Take(6)], board.Jobs[0].Location, "mid", 60_000);
        _rows = JobRecommenderInputs.ForUser(_spec, EncodedUser.From(_spec, 42, _user), [.. _candidates.Select(c => c.Encoded!)]);
    }

    /// <summary>One ONNX Runtime run over 1,000 rows (int64 inputs, score [1000, 1]).</summary>
    [Benchmark(Baseline = true)]
    public float RunThousandRows() => JobRecommenderNetwork.Score(_model, _rows)[0];

    /// <summary>What a request costs the ScoringWorker after its SQL: build the rows, one run, top 10 with matched skills.</summary>
    [Benchmark]
    public int RankThousandCandidates() => UserJobRanking.ByNetwork(_model, _user.UserId, _user, _candidates, 10).Count;

    /// <summary>TF-IDF skill bags and label encoding of 1,000 jobs: what the candidate cache saves per request.</summary>
    [Benchmark]
    public int EncodeThousandJobs()
    {
        var total = 0;
        foreach (var job in _jobs) total += EncodedJob.From(_spec, job).Skills.Count;
        return total;
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Session.Dispose();
}
