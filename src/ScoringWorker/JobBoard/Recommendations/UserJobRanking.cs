using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>
/// The three rankings of a user's candidates (seed 002's recommendations and their cold start). Each scores every
/// candidate, keeps the top k (score, then the newer listing, then the lower job id) and explains each with the job's
/// skills that the user's profile also has.
/// </summary>
public static class UserJobRanking
{
    /// <summary>ConvFM: every candidate in one ONNX Runtime run of the active version.</summary>
    /// <exception cref="ArgumentException">A candidate was not encoded under this version's spec, or the graph answered badly.</exception>
    public static IReadOnlyList<RecommendedJobForUser> ByNetwork(LoadedModel model, long userId, UserFacts? profile, IReadOnlyList<CandidateJob> candidates, int k)
    {
        var spec = JobRecommenderNetwork.SpecOf(model);
        var encoded = new EncodedJob[candidates.Count];
        for (var i = 0; i < encoded.Length; i++)
            encoded[i] = candidates[i].Encoded ?? throw new ArgumentException($"Job {candidates[i].Facts.JobId} was not encoded for {model.Kind} v{model.Version}.");
        // The user's profile marks the job skills they have and their own location, where the version was trained so.
        var scores = JobRecommenderNetwork.Score(model, JobRecommenderInputs.ForUser(spec, EncodedUser.From(spec, userId, profile), encoded));
        return Top(candidates, Array.ConvertAll(scores, s => (double)s), profile, k);
    }

    /// <summary>Content: <see cref="ContentJobScorer"/> of the profile against each job's skill bag, location, seniority and salary.</summary>
    public static IReadOnlyList<RecommendedJobForUser> ByContent(UserFacts profile, IReadOnlyList<CandidateJob> candidates, int k)
    {
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = ContentJobScorer.Score(profile, candidates[i].Facts, candidates[i].Skills).Score;
        return Top(candidates, scores, profile, k);
    }

    /// <summary>Popularity: each job's share of the recent applications (0 for none; the newest listings first among equals).</summary>
    public static IReadOnlyList<RecommendedJobForUser> ByPopularity(UserFacts? profile, IReadOnlyList<CandidateJob> candidates,
        IReadOnlyDictionary<long, int> recentApplications, int k)
    {
        double total = recentApplications.Values.Sum();
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = total > 0 && recentApplications.TryGetValue(candidates[i].Facts.JobId, out var applications) ? applications / total : 0;
        return Top(candidates, scores, profile, k);
    }

    private static IReadOnlyList<RecommendedJobForUser> Top(IReadOnlyList<CandidateJob> candidates, double[] scores, UserFacts? profile, int k)
    {
        var order = new int[candidates.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var byScore = scores[b].CompareTo(scores[a]);
            if (byScore != 0) return byScore;
            var byRecency = Nullable.Compare(candidates[b].ListedAt, candidates[a].ListedAt);
            return byRecency != 0 ? byRecency : candidates[a].Facts.JobId.CompareTo(candidates[b].Facts.JobId);
        });
        var top = new List<RecommendedJobForUser>(Math.Min(k, order.Length));
        foreach (var i in order.Take(k))
        {
            var job = candidates[i];
            top.Add(new RecommendedJobForUser
            {
                Rank = top.Count + 1,
                JobId = job.Facts.JobId,
                Score = scores[i],
                Title = job.Facts.Title,
                Company = job.Facts.Company,
                Location = job.Facts.Location,
                MatchedSkills = profile is null ? [] : ContentJobScorer.MatchedSkills(profile, job.Skills),
            });
        }
        return top;
    }
}
