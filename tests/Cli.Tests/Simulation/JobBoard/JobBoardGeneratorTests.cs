using System.Diagnostics;
using System.Text.Json;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Predictions.JobBoard;
using Xunit.Abstractions;

namespace iAyos.Messaging.Cli.Tests.Simulation.JobBoard;

/// <summary>The demo board (the options' defaults), generated once for the tests that only read it.</summary>
public sealed class DefaultJobBoard
{
    public static readonly JobBoardGeneratorOptions Options = new();

    public GeneratedJobBoard Board { get; } = JobBoardGenerator.Generate(Options);

    public IEnumerable<T> Of<T>() => Board.Events.OfType<T>();
}

public sealed class JobBoardGeneratorTests(DefaultJobBoard fixture, ITestOutputHelper output) : IClassFixture<DefaultJobBoard>
{
    private readonly GeneratedJobBoard _board = fixture.Board;

    private static List<string> Json(GeneratedJobBoard board) =>
        board.Events.Select(e => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType())).ToList();

    [Fact]
    public void The_same_options_give_the_same_events_ids_included()
    {
        var options = new JobBoardGeneratorOptions { Users = 300, Jobs = 800, Seed = 7 };
        var first = JobBoardGenerator.Generate(options);
        var second = JobBoardGenerator.Generate(options);

        Assert.Equal(Json(first), Json(second));
        Assert.Equal(
            first.Truth.Users.SelectMany(u => first.Truth.Jobs.Take(20).Select(j => first.Truth.ApplyProbability(u.UserId, j.JobId))),
            second.Truth.Users.SelectMany(u => second.Truth.Jobs.Take(20).Select(j => second.Truth.ApplyProbability(u.UserId, j.JobId))));
    }

    [Fact]
    public void Another_seed_gives_another_board()
    {
        var options = new JobBoardGeneratorOptions { Users = 300, Jobs = 800, Seed = 7 };
        var first = JobBoardGenerator.Generate(options);
        var other = JobBoardGenerator.Generate(options with { Seed = 8 });

        Assert.NotEqual(first.Events.Select(e => e.EventId), other.Events.Select(e => e.EventId));
        Assert.NotEqual(Json(first).Skip(1), Json(other).Skip(1));
    }

    [Fact]
    public void Events_are_in_time_order_unique_and_within_the_window()
    {
        var asOf = DefaultJobBoard.Options.AsOf;
        Assert.All(_board.Events.Zip(_board.Events.Skip(1)), pair => Assert.True(pair.First.OccurredAt <= pair.Second.OccurredAt));
        Assert.Equal(_board.Events.Count, _board.Events.Select(e => e.EventId).Distinct().Count());
        Assert.All(_board.Events, e => Assert.True(e.OccurredAt < asOf, $"{e.GetType().Name} at {e.OccurredAt} is after {asOf}"));
    }

    [Fact]
    public void The_snapshot_is_what_folding_the_events_gives_in_any_order()
    {
        var shuffled = _board.Events.Concat(_board.Events.Take(5_000)).OrderBy(_ => Random.Shared.Next()).ToList();
        var folded = JobBoardFold.Fold(shuffled);

        Assert.Equal(Rows(_board.Snapshot), Rows(folded));
        Assert.Equal(_board.Events.OfType<UserInteracted>().Count(), _board.Snapshot.Interactions.Count);
        Assert.Equal(_board.Events.OfType<JobListed>().Count(), _board.Snapshot.Jobs.Count);
    }

    [Fact]
    public void The_snapshot_holds_the_latest_listing_and_profile_and_the_earliest_listing_and_close_times()
    {
        var listed = _board.Events.OfType<JobListed>().ToDictionary(j => j.JobId);
        var updated = _board.Events.OfType<JobUpdated>().GroupBy(j => j.JobId).ToDictionary(g => g.Key, g => g.MaxBy(j => j.OccurredAt)!);
        var closed = _board.Events.OfType<JobClosed>().ToDictionary(c => c.JobId);
        Assert.NotEmpty(updated);
        Assert.NotEmpty(closed);
        foreach (var job in _board.Snapshot.Jobs)
        {
            var id = job.Facts.JobId;
            Assert.Equal(listed[id].OccurredAt, job.ListedAt);
            Assert.Equal(closed.TryGetValue(id, out var c) ? c.OccurredAt : null, job.ClosedAt);
            var expected = updated.TryGetValue(id, out var u) ? u.Description : listed[id].Description;
            Assert.Equal(expected, job.Facts.Description);
        }
        var profiles = _board.Events.OfType<UserProfileUpdated>().GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.OccurredAt)!);
        Assert.Contains(_board.Events.OfType<UserProfileUpdated>().GroupBy(p => p.UserId), g => g.Count() > 1);
        Assert.All(_board.Snapshot.Users, u => Assert.Equal(profiles[u.UserId].Skills, u.Skills));
    }

    [Fact]
    public void A_close_before_the_listing_leaves_the_job_out_until_it_is_listed()
    {
        var closedJob = _board.Events.OfType<JobClosed>().First();
        var listing = _board.Events.OfType<JobListed>().Single(j => j.JobId == closedJob.JobId);

        Assert.DoesNotContain(JobBoardFold.Fold([closedJob]).Jobs, j => j.Facts.JobId == closedJob.JobId);
        var both = JobBoardFold.Fold([closedJob, listing]).Jobs.Single();
        Assert.Equal(closedJob.OccurredAt, both.ClosedAt);
        Assert.Equal(listing.OccurredAt, both.ListedAt);
    }

    [Fact]
    public void Every_interaction_is_shown_first_and_nobody_applies_twice_or_to_a_closed_or_unlisted_job()
    {
        var jobs = _board.Snapshot.Jobs.ToDictionary(j => j.Facts.JobId);
        var viewed = new HashSet<(long, long)>();
        var applied = new HashSet<(long, long)>();
        foreach (var i in _board.Snapshot.Interactions)
        {
            var job = jobs[i.JobId];
            Assert.True(job.ListedAt <= i.OccurredAt, $"job {i.JobId} shown before its listing");
            if (i.Interaction == InteractionKinds.Viewed)
            {
                Assert.True(job.ClosedAt is null || i.OccurredAt < job.ClosedAt, $"job {i.JobId} shown after it closed");
                viewed.Add((i.UserId, i.JobId));
                continue;
            }
            Assert.Contains((i.UserId, i.JobId), viewed);
            if (i.Interaction == InteractionKinds.Applied)
                Assert.True(applied.Add((i.UserId, i.JobId)), $"user {i.UserId} applied to job {i.JobId} twice");
        }
    }

    [Fact]
    public void Salaries_are_ordered_and_every_value_is_one_the_contracts_know()
    {
        Assert.All(_board.Truth.Jobs, j => Assert.True(j.SalaryMin > 0 && j.SalaryMin <= j.SalaryMax, $"job {j.JobId}: {j.SalaryMin}..{j.SalaryMax}"));
        Assert.All(_board.Snapshot.Jobs, j =>
        {
            Assert.True(j.Facts.SalaryMin is null == j.Facts.SalaryMax is null);
            Assert.True(j.Facts.SalaryMin is null || j.Facts.SalaryMin <= j.Facts.SalaryMax);
            Assert.Contains(j.Facts.JobType, JobTypes.All);
            Assert.Contains(j.Facts.ExperienceLevel, ExperienceLevels.All);
            Assert.InRange(j.Facts.RequiredSkills.Count, 3, 6);
        });
        Assert.All(_board.Snapshot.Interactions, i => Assert.Contains(i.Interaction, InteractionKinds.All));
        Assert.All(_board.Snapshot.Users, u => Assert.True(u.ExperienceLevel is null || ExperienceLevels.Rank(u.ExperienceLevel) >= 0));
        Assert.Contains(_board.Snapshot.Jobs, j => j.Facts.SalaryMin is null);
    }

    [Fact]
    public void Some_users_have_no_profile_some_never_interact_and_some_leave_parts_of_their_profile_out()
    {
        var profiled = _board.Snapshot.Users.Select(u => u.UserId).ToHashSet();
        var active = _board.Snapshot.Interactions.Select(i => i.UserId).ToHashSet();
        var everyone = _board.Truth.Users.Select(u => u.UserId).ToList();

        Assert.Contains(everyone, u => !profiled.Contains(u) && active.Contains(u));
        Assert.Contains(everyone, u => profiled.Contains(u) && !active.Contains(u));
        Assert.True(everyone.Count(active.Contains) > everyone.Count * 0.9);
        Assert.Contains(_board.Snapshot.Users, u => u.Location is null);
        Assert.Contains(_board.Snapshot.Users, u => u.DesiredSalary is null);
        Assert.Contains(_board.Snapshot.Users, u => u.Location is not null && u.DesiredSalary is not null);
    }

    [Fact]
    public void Descriptions_mention_skills_the_listing_does_not_and_only_skills_the_generator_put_there()
    {
        var extractor = SkillExtractor.Fit(_board.Snapshot.Jobs.Select(j => j.Facts).ToList(), minJobs: 1);
        var extraOnly = 0;
        foreach (var job in _board.Snapshot.Jobs)
        {
            var latent = _board.Truth.Job(job.Facts.JobId);
            var meant = latent.RequiredSkills.Concat(latent.NiceToHaveSkills).Select(SkillExtractor.Normalize).ToHashSet();
            var found = extractor.Extract(job.Facts.Title + "\n" + job.Facts.Description, 50).Select(s => s.Skill).ToList();
            var titleSkills = extractor.Extract(job.Facts.Title, 50).Select(s => s.Skill).ToHashSet();
            // A skill inside a meant one counts as meant ("kotlin" in "kotlin multiplatform", "sql" in "sql server").
            Assert.All(found, s => Assert.True(meant.Any(m => $" {m} ".Contains($" {s} ", StringComparison.Ordinal)) || titleSkills.Contains(s),
                $"job {job.Facts.JobId} mentions '{s}' by accident"));
            if (found.Any(s => !job.Facts.RequiredSkills.Contains(s)))
                extraOnly++;
        }
        Assert.True(extraOnly > _board.Snapshot.Jobs.Count / 2, $"only {extraOnly} descriptions add a skill to the listing");
    }

    [Fact]
    public void The_vocabulary_is_large_multi_word_and_every_skill_is_one_term()
    {
        var skills = JobBoardVocabulary.Domains.SelectMany(d => d.Skills).Concat(JobBoardVocabulary.CommonSkills).Distinct().ToList();
        Assert.InRange(skills.Count, 150, 300);
        Assert.Contains("machine learning", skills);
        Assert.Contains("c#", skills);
        Assert.Contains("node.js", skills);
        Assert.All(skills, s =>
        {
            var tokens = SkillExtractor.Tokens(s);
            Assert.InRange(tokens.Count, 1, SkillExtractor.MaxTermTokens);
            Assert.Equal(SkillExtractor.Normalize(s), string.Join(' ', tokens));
        });
        Assert.InRange(JobBoardVocabulary.Cities.Count, 30, 50);
        Assert.InRange(_board.Truth.Companies.Select(c => c.Name).Distinct().Count(), 250, 350);
    }

    [Fact]
    public void Probabilities_are_strictly_between_0_and_1_and_more_skill_overlap_means_more_applications()
    {
        var truth = _board.Truth;
        var pairs = truth.Users.Take(200).SelectMany(u => truth.Jobs.Take(300).Select(j => (u, j))).ToList();
        Assert.All(pairs, p => Assert.InRange(truth.ApplyProbability(p.u.UserId, p.j.JobId), double.Epsilon, 1 - 1e-12));

        // Planted effects: the same user and job, with the user given every skill the job asks for / none of them.
        foreach (var (user, job) in pairs.Take(2_000))
        {
            var all = user with { Skills = user.Skills.Union(job.RequiredSkills).Union(job.NiceToHaveSkills).ToHashSet() };
            var none = user with { Skills = user.Skills.Except(job.RequiredSkills).Except(job.NiceToHaveSkills).ToHashSet() };
            Assert.True(JobBoardTruth.SkillOverlap(all, job) > JobBoardTruth.SkillOverlap(none, job));
            Assert.Equal(1, JobBoardTruth.SkillOverlap(all, job));
            Assert.Equal(0, JobBoardTruth.SkillOverlap(none, job));
        }

        // ... and in the data the truth generated: shown pairs with more overlap are applied to more often.
        var shown = ShownPairs(_board);
        var byOverlap = shown.GroupBy(s => JobBoardTruth.SkillOverlap(truth.User(s.UserId), truth.Job(s.JobId)) >= 0.5)
            .ToDictionary(g => g.Key, g => g.Average(s => s.Applied ? 1.0 : 0.0));
        Assert.True(byOverlap[true] > 2 * byOverlap[false], $"apply rate {byOverlap[true]:P1} with half the skills or more, {byOverlap[false]:P1} below");
    }

    [Fact]
    public void Each_feature_moves_the_probability_the_way_its_constant_says()
    {
        Assert.True(JobBoardTruth.SeniorityFit(1, 1) > JobBoardTruth.SeniorityFit(1, 2));
        Assert.True(JobBoardTruth.SeniorityFit(1, 2) > JobBoardTruth.SeniorityFit(1, 0));
        Assert.True(JobBoardTruth.SeniorityFit(1, 0) > JobBoardTruth.SeniorityFit(0, 3));
        Assert.True(JobBoardTruth.SalaryFit(100_000m, 120_000m) > JobBoardTruth.SalaryFit(100_000m, 90_000m));
        Assert.Equal(-1, JobBoardTruth.SalaryFit(100_000m, 40_000m));
        Assert.Equal(0.5, JobBoardTruth.SalaryFit(100_000m, 200_000m));
        Assert.True(JobBoardTruth.CompanyAffinity([1, 1, 0, 0], [1, 1, 0, 0]) > JobBoardTruth.CompanyAffinity([1, 1, 0, 0], [-1, 0, 0, 0]));

        var user = _board.Truth.Users[0];
        var job = _board.Truth.Jobs.First(j => j.Location != JobBoardVocabulary.Remote && j.Location != user.City);
        Assert.Equal(0, JobBoardTruth.LocationMatch(user, job));
        Assert.Equal(1, JobBoardTruth.LocationMatch(user, job with { Location = user.City }));
        Assert.Equal(user.RemotePreference, JobBoardTruth.LocationMatch(user, job with { Location = JobBoardVocabulary.Remote }));
    }

    [Fact]
    public void The_application_rate_is_sensible_and_the_truth_ranks_applications_well_but_not_perfectly()
    {
        var shown = ShownPairs(_board);
        var rate = shown.Average(s => s.Applied ? 1.0 : 0.0);
        var auc = Auc(shown.Select(s => (_board.Truth.ApplyProbability(s.UserId, s.JobId), s.Applied)).ToList());
        var kinds = _board.Snapshot.Interactions.GroupBy(i => i.Interaction).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"shown {shown.Count}, apply rate {rate:P2}, truth AUC {auc:F4}, interactions {_board.Snapshot.Interactions.Count} " +
                         string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")) + $", events {_board.Events.Count}");

        Assert.InRange(rate, 0.05, 0.30);
        Assert.InRange(auc, 0.7, 0.97);
        Assert.True(kinds[InteractionKinds.Saved] > 0 && kinds[InteractionKinds.Dismissed] > 0);
    }

    [Fact]
    public void The_issue_scale_gives_about_100000_interactions()
    {
        var watch = Stopwatch.StartNew();
        var board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = 2_000, Jobs = 5_000, Seed = 42 });
        var seconds = watch.Elapsed.TotalSeconds;
        var shown = ShownPairs(board);
        var auc = Auc(shown.Select(s => (board.Truth.ApplyProbability(s.UserId, s.JobId), s.Applied)).ToList());
        output.WriteLine($"2,000 x 5,000: {board.Events.Count} events, {board.Snapshot.Interactions.Count} interactions, " +
                         $"apply rate {shown.Average(s => s.Applied ? 1.0 : 0.0):P2}, truth AUC {auc:F4}, generated in {seconds:F2} s");

        Assert.InRange(board.Snapshot.Interactions.Count, 80_000, 120_000);
    }

    private sealed record Shown(long UserId, long JobId, bool Applied);

    /// <summary>Every time a job was shown (a view), and whether that showing ended in an application.</summary>
    private static List<Shown> ShownPairs(GeneratedJobBoard board)
    {
        var applied = board.Snapshot.Interactions.Where(i => i.Interaction == InteractionKinds.Applied).Select(i => (i.UserId, i.JobId)).ToHashSet();
        return board.Snapshot.Interactions.Where(i => i.Interaction == InteractionKinds.Viewed)
            .Select(i => new Shown(i.UserId, i.JobId, applied.Contains((i.UserId, i.JobId)))).ToList();
    }

    /// <summary>ROC AUC: the probability that a random positive scores above a random negative (ties count half).</summary>
    private static double Auc(IReadOnlyList<(double Score, bool Positive)> rows)
    {
        var sorted = rows.OrderBy(r => r.Score).ToList();
        double rankSum = 0;
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j < sorted.Count && sorted[j].Score == sorted[i].Score) j++;
            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
                if (sorted[k].Positive) rankSum += rank;
            i = j;
        }
        double positives = rows.Count(r => r.Positive), negatives = rows.Count - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    private static List<string> Rows(Training.JobBoard.JobBoardSnapshot snapshot) =>
    [
        .. snapshot.Jobs.Select(j => JsonSerializer.Serialize(j)),
        .. snapshot.Users.Select(u => JsonSerializer.Serialize(u)),
        .. snapshot.Interactions.Select(i => JsonSerializer.Serialize(i)),
    ];
}
