using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;
using iAyos.Messaging.ScoringWorker.Tests.JobBoard.Recommendations;
using iAyos.Messaging.Training.JobBoard.Networks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests.JobBoard.Recommendations;

/// <summary>
/// The recommender against the real read model and a real ONNX graph: who is a candidate, which mode a user gets, the
/// fallbacks, and that the served scores are the network's own for the same rows.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class When_a_users_jobs_are_recommended_from_the_read_model : IAsyncLifetime
{
    private const long Seasoned = 1, ColdWithProfile = 2, Stranger = 3, ColdWithoutSkills = 4, SeasonedWithoutProfile = 5;
    private const int OpenJobs = 30;
    private const long Closed = 31, ClosedBeforeListed = 32, Applied = 3, Dismissed = 4, Viewed = 5, Saved = 6;

    private static readonly string[][] SkillSets = [["python", "sql"], ["c#", "azure"], ["react", "javascript"], ["python", "docker"], ["sql", "excel"]];
    private static readonly string[] Places = ["Cebu", "Manila", "Remote"];

    private static readonly UserFacts SeasonedProfile = new(Seasoned, ["Python", "SQL"], "Cebu", "mid", 50_000);
    private static readonly UserFacts ColdProfile = new(ColdWithProfile, ["c#", "Docker"], "Manila", "senior", 80_000);

    private readonly NpgsqlDataSource _db = TestInfrastructure.Database();
    private readonly ActiveModels _models = new();
    private readonly List<JobFacts> _jobs = [.. Enumerable.Range(1, 32).Select(i => Job(i))];
    private NpgsqlConnection _connection = null!;
    private JobRecommenderSpec _spec = null!;
    private JobRecommenderGraphs _graphs = null!;
    private UserJobRecommender _recommender = null!;

    private static JobFacts Job(long id, string? title = null) => new(id, title ?? $"Developer {id}",
        id % 2 == 0 ? "You will ship docker images every day." : "Plain work.", $"Company {id % 4}", Places[id % Places.Length],
        SkillSets[id % SkillSets.Length], 20_000, 40_000 + 1_000 * id, "full_time", id % 3 == 0 ? "senior" : "mid");

    private static DateTime ListedAt(long id) => JobBoardRows.Now.AddDays(-60).AddHours(id);

    public async Task InitializeAsync()
    {
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        _connection = await _db.OpenConnectionAsync();
        await JobBoardRows.ResetAsync(_connection);
        foreach (var job in _jobs.Take(OpenJobs))
            await JobBoardRows.JobAsync(_connection, job, ListedAt(job.JobId));
        await JobBoardRows.JobAsync(_connection, _jobs[(int)Closed - 1], ListedAt(Closed), closedAt: JobBoardRows.Now.AddDays(-1));
        await JobBoardRows.ClosedBeforeListedAsync(_connection, ClosedBeforeListed, JobBoardRows.Now.AddDays(-2));
        await JobBoardRows.UserAsync(_connection, SeasonedProfile);
        await JobBoardRows.UserAsync(_connection, ColdProfile);
        await JobBoardRows.UserAsync(_connection, new UserFacts(ColdWithoutSkills, [], "Cebu", null, null));
        await JobBoardRows.InteractionAsync(_connection, Seasoned, Applied, InteractionKinds.Applied, JobBoardRows.Now.AddDays(-3));
        await JobBoardRows.InteractionAsync(_connection, Seasoned, Dismissed, InteractionKinds.Dismissed, JobBoardRows.Now.AddDays(-3));
        await JobBoardRows.InteractionAsync(_connection, Seasoned, Viewed, InteractionKinds.Viewed, JobBoardRows.Now.AddDays(-3));
        await JobBoardRows.InteractionAsync(_connection, Seasoned, Saved, InteractionKinds.Saved, JobBoardRows.Now.AddDays(-3));
        await JobBoardRows.InteractionAsync(_connection, SeasonedWithoutProfile, 12, InteractionKinds.Viewed, JobBoardRows.Now.AddDays(-2));
        // Popularity: 8 and 9 applied to lately; 10 most of all, but 40 days before the board's latest interaction.
        foreach (var (job, days, users) in new[] { (8L, -1, 3), (9L, -5, 2), (10L, -40, 5) })
            for (var u = 0; u < users; u++)
                await JobBoardRows.InteractionAsync(_connection, 100 + u, job, InteractionKinds.Applied, JobBoardRows.Now.AddDays(days));

        var extractor = SkillExtractor.Fit(_jobs.Take(OpenJobs).ToList());
        _spec = new JobRecommenderSpec
        {
            UserIds = [Seasoned, ColdWithProfile, SeasonedWithoutProfile],
            JobIds = [.. _jobs.Select(j => j.JobId)],
            Locations = [.. Places.Select(SkillExtractor.Normalize)],
            Companies = [.. Enumerable.Range(0, 4).Select(i => $"company {i}")],
            Skills = extractor.Vocabulary,
            SkillIdf = [.. extractor.Vocabulary.Select((_, i) => 1 + 0.25 * i)],
            MarkUserSkills = true,
            MarkUserLocation = true,
        };
        _graphs = new JobRecommenderGraphs(_spec);
        _recommender = new UserJobRecommender(new UserJobCandidatesReader(_db), new CandidateJobCache(), new JobRecommenderNetwork(_models),
            NullLogger<UserJobRecommender>.Instance);
    }

    public async Task DisposeAsync()
    {
        _models.Dispose();
        await JobBoardRows.ResetAsync(_connection);
        await _connection.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Candidates_are_the_open_jobs_the_user_neither_applied_to_nor_dismissed()
    {
        _models.Put(_graphs.Load());

        var list = await _recommender.RecommendAsync(Seasoned, 100, default);

        Assert.Equal(OpenJobs - 2, list.Candidates);
        var ids = list.Recommendations.Select(r => r.JobId).ToHashSet();
        Assert.Equal(OpenJobs - 2, ids.Count);
        Assert.DoesNotContain(Applied, ids);
        Assert.DoesNotContain(Dismissed, ids);
        Assert.DoesNotContain(Closed, ids);
        Assert.DoesNotContain(ClosedBeforeListed, ids);
        Assert.Contains(Viewed, ids);
        Assert.Contains(Saved, ids);
        // Another user's exclusions are not this one's.
        Assert.Equal(OpenJobs, (await _recommender.RecommendAsync(ColdWithProfile, 100, default)).Candidates);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(28)]
    public async Task A_user_with_interactions_is_ranked_by_the_network_with_its_own_scores_for_the_same_rows(int k)
    {
        _models.Put(_graphs.Load(version: 7));

        var list = await _recommender.RecommendAsync(Seasoned, k, default);

        Assert.Equal((JobRankingModes.ConvFm, (int?)7, (string?)null), (list.Mode, list.ModelVersion, list.Fallback));
        Assert.Equal(k, list.Recommendations.Count);
        var candidates = _jobs.Take(OpenJobs).Where(j => j.JobId is not (Applied or Dismissed)).ToList();
        var rows = JobRecommenderInputs.ForUser(_spec, EncodedUser.From(_spec, Seasoned, SeasonedProfile), [.. candidates.Select(j => EncodedJob.From(_spec, j))]);
        var expected = candidates.Select((j, r) => (j.JobId, Score: _graphs.Forward(rows, r))).OrderByDescending(x => x.Score).Take(k).ToList();
        Assert.Equal(expected.Select(x => x.JobId), list.Recommendations.Select(r => r.JobId));
        for (var i = 0; i < k; i++)
            Assert.Equal(expected[i].Score, list.Recommendations[i].Score, 1e-6);
    }

    [Fact]
    public async Task The_exported_ConvFM_ranks_every_candidate_in_one_run_with_the_engines_own_scores()
    {
        var network = new ConvFmNetwork(_spec.UserIds.Count + 1, _spec.JobIds.Count + 1, _spec.LocationRows, _spec.Companies.Count + 1,
            _spec.SkillRows, _spec.MaxSkills, new Random(17));
        _models.Put(new LoadedModel(JobRecommenderKind.KindName, 11, "sha", OnnxSession.FromBytes(network.ExportOnnx("convfm", _spec)), DateTimeOffset.UtcNow, _spec));

        var list = await _recommender.RecommendAsync(Seasoned, 28, default);

        Assert.Equal((JobRankingModes.ConvFm, (int?)11), (list.Mode, list.ModelVersion));
        var candidates = _jobs.Take(OpenJobs).Where(j => j.JobId is not (Applied or Dismissed)).ToList();
        var rows = JobRecommenderInputs.ForUser(_spec, EncodedUser.From(_spec, Seasoned, SeasonedProfile), [.. candidates.Select(j => EncodedJob.From(_spec, j))]);
        var forward = network.Predict(ConvFmNetwork.Inputs(rows));
        var engine = candidates.Select((j, r) => (j.JobId, Score: (double)forward.Data[r])).ToDictionary(x => x.JobId, x => x.Score);
        Assert.Equal(candidates.Count, list.Recommendations.Count);
        foreach (var r in list.Recommendations)
            Assert.Equal(engine[r.JobId], r.Score, 1e-5);
        var scores = list.Recommendations.Select(r => r.Score).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Each_job_is_explained_by_the_profiles_skills_in_its_bag_listed_or_extracted()
    {
        _models.Put(_graphs.Load());

        var list = await _recommender.RecommendAsync(Seasoned, 28, default);

        foreach (var r in list.Recommendations)
        {
            var job = _jobs[(int)r.JobId - 1];
            Assert.Equal(ContentJobScorer.MatchedSkills(SeasonedProfile, EncodedJob.From(_spec, job).Skills), r.MatchedSkills);
            Assert.Equal((job.Title, job.Company, job.Location), (r.Title, r.Company, r.Location));
        }
        Assert.Contains(list.Recommendations, r => r.MatchedSkills.SequenceEqual(["python", "sql"]));
    }

    [Fact]
    public async Task A_user_without_interactions_but_with_skills_gets_content_even_with_a_model()
    {
        _models.Put(_graphs.Load());

        var list = await _recommender.RecommendAsync(ColdWithProfile, 10, default);

        Assert.Equal((JobRankingModes.Content, (int?)null, (string?)null), (list.Mode, list.ModelVersion, list.Fallback));
        var expected = _jobs.Take(OpenJobs)
            .Select(j => (j.JobId, ListedAt: ListedAt(j.JobId), ContentJobScorer.Score(ColdProfile, j, EncodedJob.From(_spec, j).Skills).Score))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.ListedAt).Take(10).ToList();
        Assert.Equal(expected.Select(x => x.JobId), list.Recommendations.Select(r => r.JobId));
        Assert.Equal(expected.Select(x => x.Score), list.Recommendations.Select(r => r.Score));
        // Even jobs' descriptions name docker: where it is not listed, the extracted skill explains the match.
        var all = await _recommender.RecommendAsync(ColdWithProfile, 100, default);
        Assert.Contains(all.Recommendations, r => r.MatchedSkills.Contains("docker") && !_jobs[(int)r.JobId - 1].RequiredSkills.Contains("docker"));
    }

    [Theory]
    [InlineData(Stranger)]
    [InlineData(ColdWithoutSkills)]
    public async Task A_user_without_interactions_or_skills_gets_the_recently_most_applied_to_jobs(long userId)
    {
        var list = await _recommender.RecommendAsync(userId, 5, default);

        Assert.Equal((JobRankingModes.Popularity, (string?)null), (list.Mode, list.Fallback));
        // Applications in the 30 days before the latest interaction: 8 (3), 9 (2), 3 (1, by the seasoned user); 10's are older.
        // Then the newest listings, none applied to lately.
        Assert.Equal([8L, 9L, Applied, 30L, 29L], list.Recommendations.Select(r => r.JobId));
        Assert.Equal([3 / 6.0, 2 / 6.0, 1 / 6.0, 0, 0], list.Recommendations.Select(r => r.Score));
        Assert.All(list.Recommendations, r => Assert.Empty(r.MatchedSkills));
    }

    [Fact]
    public async Task With_no_active_model_a_user_with_interactions_gets_the_cold_start_ranking_and_says_why()
    {
        var withProfile = await _recommender.RecommendAsync(Seasoned, 10, default);
        var withoutProfile = await _recommender.RecommendAsync(SeasonedWithoutProfile, 10, default);

        Assert.Equal((JobRankingModes.Content, (int?)null, "no_active_model"), (withProfile.Mode, withProfile.ModelVersion, withProfile.Fallback));
        Assert.Equal((JobRankingModes.Popularity, "no_active_model"), (withoutProfile.Mode, withoutProfile.Fallback));
        // Without a model there is no fitted vocabulary: the listed skills explain the match.
        Assert.All(withProfile.Recommendations, r => Assert.Equal(ContentJobScorer.MatchedSkills(SeasonedProfile, _jobs[(int)r.JobId - 1].RequiredSkills), r.MatchedSkills));
        Assert.Equal(OpenJobs - 2, withProfile.Candidates);
    }

    [Fact]
    public async Task A_model_that_fails_leaves_the_user_with_the_cold_start_ranking_and_says_so()
    {
        _models.Put(new LoadedModel(JobRecommenderKind.KindName, 9, "sha", OnnxSession.FromBytes(JobRecommenderGraphs.Broken(_spec)), DateTimeOffset.UtcNow, _spec));

        var list = await _recommender.RecommendAsync(Seasoned, 10, default);

        Assert.Equal((JobRankingModes.Content, "model_failed"), (list.Mode, list.Fallback));
        Assert.Equal(10, list.Recommendations.Count);
    }

    [Fact]
    public async Task An_updated_listing_and_a_closed_job_show_in_the_next_answer()
    {
        _models.Put(_graphs.Load());
        var before = await _recommender.RecommendAsync(Seasoned, 28, default);
        var top = before.Recommendations[0].JobId;
        var second = before.Recommendations[1].JobId;

        await JobBoardRows.JobAsync(_connection, Job(second, title: "Staff engineer"), ListedAt(second), listingAt: JobBoardRows.Now);
        await JobBoardRows.CloseAsync(_connection, top, JobBoardRows.Now);
        var after = await _recommender.RecommendAsync(Seasoned, 28, default);

        Assert.Equal(OpenJobs - 3, after.Candidates);
        Assert.DoesNotContain(after.Recommendations, r => r.JobId == top);
        Assert.Equal("Staff engineer", after.Recommendations.Single(r => r.JobId == second).Title);
    }
}
