using System.Net;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Integration.Tests.Faults;
using iAyos.Messaging.ScoringWorker.Caching;
using StackExchange.Redis;
using static iAyos.Messaging.Integration.Tests.RecommendationCache.CacheTesting;

namespace iAyos.Messaging.Integration.Tests.RecommendationCache;

/// <summary>The cache itself against the real Redis: hits, TTL, invalidation, and Redis going away.</summary>
public class When_recommendation_lists_are_cached
{
    [Fact]
    public async Task Should_answer_the_second_lookup_from_the_cache_with_the_ttl_set()
    {
        var (cache, connection) = await StartAsync(RedisConfiguration);
        await using var _ = new Stopper(connection);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(10)), "the cache did not connect");
        var job = NewJobId();

        var first = await LookupAsync(cache, job, "first");
        var second = await LookupAsync(cache, job, "second");

        Assert.Equal(new CachedAnswer<string>("first", false), first);
        Assert.Equal(new CachedAnswer<string>("first", true), second);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Parse());
        var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"*:job:{job}:list:*").ToList();
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(Assert.Single(keys));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task Should_give_back_a_recommendation_list_equal_to_the_one_cached()
    {
        var (cache, connection) = await StartAsync(RedisConfiguration);
        await using var _ = new Stopper(connection);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(10)));
        var job = NewJobId();
        var list = new CleanerRecommendationList
        {
            JobId = job, Mode = "ensemble",
            Recommendations =
            [
                new RecommendedCleaner
                {
                    RecommendationId = Guid.NewGuid(), CleanerId = 3, DisplayName = "Eleni P.", Rank = 1, Score = 87.5, RuleBasedScore = 85.25,
                    DistanceKm = 2.31, Breakdown = new CleanerMatchBreakdown(90, 80.5, 70, 60, 100), Reasoning = ["Top rated", "2.3 km away"],
                },
            ],
        };

        await cache.GetOrComputeAsync(job, Ensemble10, _ => Task.FromResult(list), CancellationToken.None);
        var again = await cache.GetOrComputeAsync(job, Ensemble10, _ => Task.FromResult<CleanerRecommendationList>(null!), CancellationToken.None);

        Assert.True(again.FromCache);
        Assert.Equal(list.JobId, again.Value.JobId);
        Assert.Equal(list.Mode, again.Value.Mode);
        var (cached, original) = (Assert.Single(again.Value.Recommendations), list.Recommendations[0]);
        Assert.Equal(original with { Reasoning = [] }, cached with { Reasoning = [] });
        Assert.Equal(original.Reasoning, cached.Reasoning);
    }

    [Fact]
    public async Task Should_miss_for_an_invalidated_job_and_still_hit_for_another()
    {
        var (cache, connection) = await StartAsync(RedisConfiguration);
        await using var _ = new Stopper(connection);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(10)));
        long job = NewJobId(), other = job + 1;
        await LookupAsync(cache, job);
        await LookupAsync(cache, other);

        await cache.InvalidateJobsAsync([job], CancellationToken.None);

        Assert.False((await LookupAsync(cache, job)).FromCache);
        Assert.True((await LookupAsync(cache, other)).FromCache);
    }

    [Fact]
    public async Task Should_miss_for_every_job_after_a_global_invalidation()
    {
        var (cache, connection) = await StartAsync(RedisConfiguration);
        await using var _ = new Stopper(connection);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(10)));
        long job = NewJobId(), other = job + 1;
        await LookupAsync(cache, job);
        await LookupAsync(cache, other);

        await cache.InvalidateAllAsync(CancellationToken.None);

        Assert.False((await LookupAsync(cache, job)).FromCache);
        Assert.False((await LookupAsync(cache, other)).FromCache);
    }

    [Fact]
    public async Task Should_not_serve_a_list_computed_while_its_job_was_invalidated()
    {
        var (cache, connection) = await StartAsync(RedisConfiguration);
        await using var _ = new Stopper(connection);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(10)));
        var job = NewJobId();

        // The event lands between reading the generations and storing the list computed from the old facts.
        await cache.GetOrComputeAsync(job, Ensemble10, async ct =>
        {
            await cache.InvalidateJobsAsync([job], ct);
            return "from before the event";
        }, CancellationToken.None);

        Assert.Equal(new CachedAnswer<string>("fresh", false), await LookupAsync(cache, job, "fresh"));
    }

    [Fact]
    public async Task Should_compute_every_answer_while_nothing_listens_at_the_redis_address()
    {
        using var nothing = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        nothing.Start();
        var port = ((IPEndPoint)nothing.LocalEndpoint).Port;
        nothing.Stop(); // a port that refuses connections
        var (cache, connection) = await StartAsync($"127.0.0.1:{port}");
        await using var _ = new Stopper(connection);
        var computed = 0;

        var answers = new List<CachedAnswer<int>>();
        for (var i = 0; i < 50; i++)
            answers.Add(await cache.GetOrComputeAsync(7, Ensemble10, _ => Task.FromResult(Interlocked.Increment(ref computed)), CancellationToken.None));
        await cache.InvalidateJobsAsync([7], CancellationToken.None);
        await cache.InvalidateAllAsync(CancellationToken.None);

        Assert.False(cache.IsAvailable);
        Assert.Equal(Enumerable.Range(1, 50), answers.Select(a => a.Value));
        Assert.All(answers, a => Assert.False(a.FromCache));
    }

    [Fact]
    public async Task Should_drop_lists_whose_invalidation_was_missed_while_redis_was_unreachable()
    {
        var redis = Parse();
        var target = redis.EndPoints[0] switch
        {
            IPEndPoint ip => ip,
            DnsEndPoint dns => new IPEndPoint(Dns.GetHostAddresses(dns.Host).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork), dns.Port),
            var other => throw new InvalidOperationException($"Unexpected Redis endpoint {other}"),
        };
        await using var proxy = CuttableProxy.Start(target);
        var through = redis.Clone();
        through.EndPoints.Clear();
        through.EndPoints.Add(IPAddress.Loopback, proxy.Port);
        var (cache, connection) = await StartAsync(through.ToString(includePassword: true), operationTimeoutMs: 250);
        await using var _ = new Stopper(connection);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(10)));
        var job = NewJobId();
        await LookupAsync(cache, job, "before");
        Assert.True((await LookupAsync(cache, job)).FromCache);

        proxy.Cut();
        await cache.InvalidateJobsAsync([job], CancellationToken.None); // never reaches Redis
        var whileDown = await LookupAsync(cache, job, "while down");
        proxy.Restore();
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(cache.IsAvailable), TimeSpan.FromSeconds(20)), "the cache did not come back");

        Assert.Equal(new CachedAnswer<string>("while down", false), whileDown);
        Assert.Equal(new CachedAnswer<string>("after", false), await LookupAsync(cache, job, "after"));
    }

    private sealed class Stopper(RecommendationCacheConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await connection.StopAsync(CancellationToken.None);
            connection.Dispose();
        }
    }
}
