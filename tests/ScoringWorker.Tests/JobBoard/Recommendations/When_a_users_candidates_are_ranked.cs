using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

namespace iAyos.Messaging.ScoringWorker.Tests.JobBoard.Recommendations;

/// <summary>The three rankings: every candidate scored (the network in one run), the top k kept, each explained.</summary>
public sealed class When_a_users_candidates_are_ranked : IDisposable
{
    private static readonly IReadOnlyList<JobListing> Board = JobBoardListings.Listings(40);
    private static readonly JobRecommenderSpec Spec = JobBoardListings.Spec(Board);
    private static readonly UserFacts Profile = new(2, ["Python", "SQL", "docker"], "Cebu", "mid", 50_000);

    private readonly JobRecommenderGraphs _graphs = new(Spec);
    private readonly LoadedModel _model;
    private readonly IReadOnlyList<CandidateJob> _candidates = [.. Board.Select(l => CandidateJobCache.Encode(Spec, l))];

    public When_a_users_candidates_are_ranked() => _model = _graphs.Load();

    public void Dispose() => _model.Session.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(100)]
    public void The_network_scores_equal_its_forward_pass_and_the_top_k_are_the_best(int k)
    {
        var ranked = UserJobRanking.ByNetwork(_model, Profile.UserId, Profile, _candidates, k);

        var rows = JobRecommenderInputs.ForUser(Spec, EncodedUser.From(Spec, Profile.UserId, Profile), [.. _candidates.Select(c => c.Encoded!)]);
        var expected = Enumerable.Range(0, rows.Rows).Select(r => (JobId: _candidates[r].Facts.JobId, Score: _graphs.Forward(rows, r)))
            .OrderByDescending(x => x.Score).Take(k).ToList();
        Assert.Equal(Math.Min(k, Board.Count), ranked.Count);
        Assert.Equal(expected.Select(x => x.JobId), ranked.Select(r => r.JobId));
        for (var i = 0; i < ranked.Count; i++)
        {
            Assert.Equal(expected[i].Score, ranked[i].Score, 1e-6);
            Assert.Equal(i + 1, ranked[i].Rank);
        }
    }

    [Fact]
    public void Each_job_is_explained_by_the_skills_of_its_bag_that_the_profile_has()
    {
        var ranked = UserJobRanking.ByNetwork(_model, Profile.UserId, Profile, _candidates, 40);

        foreach (var r in ranked)
        {
            var candidate = _candidates.Single(c => c.Facts.JobId == r.JobId);
            Assert.Equal(ContentJobScorer.MatchedSkills(Profile, candidate.Skills), r.MatchedSkills);
            Assert.Equal((candidate.Facts.Title, candidate.Facts.Company, candidate.Facts.Location), (r.Title, r.Company, r.Location));
        }
        // The description's "docker" joins the listed skills, and the profile has it: the extracted skills explain too.
        Assert.Contains(ranked, r => r.MatchedSkills.Contains("docker") && !Board[(int)r.JobId - 1].Facts.RequiredSkills.Contains("docker"));
        Assert.Contains(ranked, r => !r.MatchedSkills.SequenceEqual(_candidates.Single(c => c.Facts.JobId == r.JobId).Skills)); // not the whole bag
    }

    [Fact]
    public void The_users_own_skills_pick_the_marked_rows_of_the_job_skills_they_meet()
    {
        var withSkills = UserJobRanking.ByNetwork(_model, Profile.UserId, Profile, _candidates, 40).ToDictionary(r => r.JobId, r => r.Score);
        var withoutSkills = UserJobRanking.ByNetwork(_model, Profile.UserId, Profile with { Skills = [] }, _candidates, 40).ToDictionary(r => r.JobId, r => r.Score);

        foreach (var candidate in _candidates)
        {
            var meets = ContentJobScorer.MatchedSkills(Profile, candidate.Skills).Count > 0;
            Assert.Equal(meets, Math.Abs(withSkills[candidate.Facts.JobId] - withoutSkills[candidate.Facts.JobId]) > 1e-9);
        }
    }

    [Fact]
    public void A_user_the_version_never_saw_is_scored_with_the_unknown_user_row()
    {
        var stranger = UserJobRanking.ByNetwork(_model, 999, Profile, _candidates, 5);

        var rows = JobRecommenderInputs.ForUser(Spec, EncodedUser.From(Spec, 999, Profile), [.. _candidates.Select(c => c.Encoded!)]);
        Assert.All(rows.Users, u => Assert.Equal(JobRecommenderSpec.Unknown, u));
        var best = Enumerable.Range(0, rows.Rows).Max(r => _graphs.Forward(rows, r));
        Assert.Equal(best, stranger[0].Score, 1e-6);
    }

    [Fact]
    public void A_graph_that_refuses_the_inputs_throws_what_the_recommender_falls_back_on()
    {
        using var broken = OnnxSession.FromBytes(JobRecommenderGraphs.Broken(Spec));
        var model = _model with { Session = broken };

        var ex = Record.Exception(() => UserJobRanking.ByNetwork(model, Profile.UserId, Profile, _candidates, 10));

        Assert.True(ModelFailure.IsRecoverable(ex!), ex?.ToString());
    }

    [Fact]
    public void Candidates_encoded_without_a_model_are_refused_by_the_network_ranking()
    {
        var plain = Board.Select(l => CandidateJobCache.Encode(null, l)).ToList();

        var ex = Record.Exception(() => UserJobRanking.ByNetwork(_model, Profile.UserId, Profile, plain, 10));

        Assert.IsType<ArgumentException>(ex);
        Assert.True(ModelFailure.IsRecoverable(ex));
    }

    [Fact]
    public void Content_ranks_by_the_content_score_of_each_jobs_skill_bag()
    {
        var ranked = UserJobRanking.ByContent(Profile, _candidates, 10);

        var expected = _candidates.Select(c => (c.Facts.JobId, ContentJobScorer.Score(Profile, c.Facts, c.Skills).Score))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.JobId) // equal scores: the newer listing (higher id here) first
            .Take(10).ToList();
        Assert.Equal(expected.Select(x => x.JobId), ranked.Select(r => r.JobId));
        Assert.Equal(expected.Select(x => x.Score), ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.NotEmpty(r.MatchedSkills));
    }

    [Fact]
    public void Popularity_ranks_by_the_share_of_recent_applications_and_the_newest_among_equals()
    {
        var applications = new Dictionary<long, int> { [5] = 6, [9] = 3, [12] = 3, [999] = 8 }; // 999: not a candidate, still counted in the total

        var ranked = UserJobRanking.ByPopularity(null, _candidates, applications, 5);

        Assert.Equal([5L, 12L, 9L, 40L, 39L], ranked.Select(r => r.JobId));
        Assert.Equal([0.3, 0.15, 0.15, 0, 0], ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.Empty(r.MatchedSkills));
    }
}
