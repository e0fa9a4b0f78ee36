using iAyos.Messaging.Platform.Bus;

namespace iAyos.Messaging.Platform.Tests.Bus;

public class BackoffTests
{
    [Fact]
    public void Should_double_from_100_ms_and_stop_at_5_s()
    {
        var schedule = Backoff.Schedule(9).Select(d => d.TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000], schedule);
    }

    [Fact]
    public void Should_stay_at_5_s_however_many_retries()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Backoff.Delay(int.MaxValue));
    }
}
