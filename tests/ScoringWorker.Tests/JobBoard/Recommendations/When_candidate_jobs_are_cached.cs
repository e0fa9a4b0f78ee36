using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

namespace iAyos.Messaging.ScoringWorker.Tests.JobBoard.Recommendations;

/// <summary>Encodings are made once per job content version and model version, and only missing ones are loaded.</summary>
public sealed class When_candidate_jobs_are_cached
{
    private static readonly IReadOnlyList<JobListing> Board = JobBoardListings.Listings(20);
    private static readonly JobRecommenderSpec Spec = JobBoardListings.Spec(Board);

    private readonly CandidateJobCache _cache = new();
    private readonly List<IReadOnlyCollection<long>> _loads = [];
    private Dictionary<long, JobListing> _store = Board.ToDictionary(l => l.Facts.JobId);

    private Task<IReadOnlyList<JobListing>> Load(IReadOnlyCollection<long> ids, CancellationToken _)
    {
        _loads.Add([.. ids]);
        return Task.FromResult<IReadOnlyList<JobListing>>([.. ids.Where(_store.ContainsKey).Select(id => _store[id])]);
    }

    [Fact]
    public async Task The_first_request_loads_and_encodes_every_job_and_the_next_one_none()
    {
        var open = JobBoardListings.Open(Board);

        var first = await _cache.GetAsync(Spec, open, Load, default);
        var second = await _cache.GetAsync(Spec, open, Load, default);

        Assert.Single(_loads);
        Assert.Equal(20, _loads[0].Count);
        Assert.Equal(20, _cache.Encoded);
        Assert.Equal(open.Select(o => o.JobId), second.Select(c => c.Facts.JobId));
        Assert.Equal(first, second);
        foreach (var candidate in second)
        {
            var expected = EncodedJob.From(Spec, _store[candidate.Facts.JobId].Facts);
            Assert.Equal(expected.SkillIndices, candidate.Encoded!.SkillIndices);
            Assert.Equal((expected.JobIndex, expected.LocationIndex, expected.CompanyIndex), (candidate.Encoded.JobIndex, candidate.Encoded.LocationIndex, candidate.Encoded.CompanyIndex));
            Assert.Equal(expected.Skills, candidate.Skills);
        }
    }

    [Fact]
    public async Task A_job_whose_listing_changed_is_loaded_again_and_only_it()
    {
        await _cache.GetAsync(Spec, JobBoardListings.Open(Board), Load, default);
        var updated = JobBoardListings.Listing(7, JobBoardListings.ListedAt.AddDays(30), title: "Senior developer 7");
        _store[7] = updated;

        var after = await _cache.GetAsync(Spec, JobBoardListings.Open(_store.Values.OrderBy(l => l.Facts.JobId)), Load, default);

        Assert.Equal([7L], _loads[^1]);
        Assert.Equal("Senior developer 7", after.Single(c => c.Facts.JobId == 7).Facts.Title);
    }

    [Fact]
    public async Task Another_model_version_encodes_everything_again_with_its_own_spec()
    {
        var open = JobBoardListings.Open(Board);
        await _cache.GetAsync(Spec, open, Load, default);
        var retrained = JobBoardListings.Spec([.. Board.Take(10)]);

        var after = await _cache.GetAsync(retrained, open, Load, default);

        Assert.Equal(2, _loads.Count);
        Assert.Equal(20, _loads[1].Count);
        Assert.All(after.Where(c => c.Facts.JobId > 10), c => Assert.Equal(JobRecommenderSpec.Unknown, c.Encoded!.JobIndex));
    }

    [Fact]
    public async Task Without_a_model_the_skills_are_the_listed_ones_and_nothing_is_encoded()
    {
        var candidates = await _cache.GetAsync(null, JobBoardListings.Open(Board), Load, default);

        Assert.All(candidates, c => Assert.Null(c.Encoded));
        Assert.All(candidates, c => Assert.Equal(_store[c.Facts.JobId].Facts.RequiredSkills.Select(SkillExtractor.Normalize), c.Skills));
    }

    [Fact]
    public async Task A_job_gone_by_the_time_it_is_loaded_is_left_out()
    {
        _store.Remove(3);

        var candidates = await _cache.GetAsync(Spec, JobBoardListings.Open(Board), Load, default);

        Assert.Equal(19, candidates.Count);
        Assert.DoesNotContain(candidates, c => c.Facts.JobId == 3);
    }

    [Fact]
    public async Task Entries_of_jobs_no_longer_open_are_dropped_once_they_are_many()
    {
        var many = JobBoardListings.Listings(CandidateJobCache.Slack + 50);
        _store = many.ToDictionary(l => l.Facts.JobId);
        await _cache.GetAsync(null, JobBoardListings.Open(many), Load, default);
        // Only the first 10 stay open; one new listing makes the request load something, which is when pruning runs.
        var fresh = JobBoardListings.Listing(CandidateJobCache.Slack + 51);
        _store[fresh.Facts.JobId] = fresh;
        var open = JobBoardListings.Open([.. many.Take(10), fresh]);
        await _cache.GetAsync(null, open, Load, default);

        await _cache.GetAsync(null, JobBoardListings.Open(many.Skip(10).Take(1)), Load, default);

        Assert.Equal([11L], _loads[^1]);
    }
}
