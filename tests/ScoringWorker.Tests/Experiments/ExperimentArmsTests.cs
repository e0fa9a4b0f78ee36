using iAyos.Messaging.ScoringWorker.Experiments;

namespace iAyos.Messaging.ScoringWorker.Tests.Experiments;

public class ExperimentArmsTests
{
    private static ExperimentArms Arms(double ruleBased, double neural, double ensemble, string name = "reco-ab") => new(
        new Dictionary<string, ExperimentDefinition>
        {
            [name] = new() { Shares = new() { ["rule_based"] = ruleBased, ["neural"] = neural, ["ensemble"] = ensemble } },
        });

    [Fact]
    public void A_client_gets_the_same_arm_every_time_and_from_every_instance()
    {
        var first = Arms(1, 1, 1);
        var second = Arms(1, 1, 1); // another instance, same configuration

        for (long client = 1; client <= 2000; client++)
        {
            var arm = first.Assign("reco-ab", client);
            Assert.Equal(arm, first.Assign("reco-ab", client));
            Assert.Equal(arm, second.Assign("reco-ab", client));
        }
    }

    [Fact]
    public void The_point_depends_only_on_the_experiment_and_the_client()
    {
        // Not the process's randomized string hash: the same inputs give the same point across runs. SHA-256 of
        // "reco-ab:42", first 53 bits; recomputed here from the definition, not copied from an output.
        var hash = System.Security.Cryptography.SHA256.HashData("reco-ab:42"u8);
        var expected = (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);

        Assert.Equal(expected, ExperimentArms.Point("reco-ab", 42));
        Assert.NotEqual(ExperimentArms.Point("reco-ab", 42), ExperimentArms.Point("other", 42));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(0.5, 0.3, 0.2)]
    [InlineData(10, 0, 90)]
    public void Shares_are_respected_over_many_clients(double ruleBased, double neural, double ensemble)
    {
        var arms = Arms(ruleBased, neural, ensemble);
        const int clients = 100_000;

        var counts = Enumerable.Range(1, clients).GroupBy(c => arms.Assign("reco-ab", c)).ToDictionary(g => g.Key, g => g.Count());

        var total = ruleBased + neural + ensemble;
        foreach (var (arm, share) in new[] { ("rule_based", ruleBased), ("neural", neural), ("ensemble", ensemble) })
            Assert.InRange(counts.GetValueOrDefault(arm) / (double)clients, share / total - 0.02, share / total + 0.02);
        if (neural == 0)
            Assert.False(counts.ContainsKey("neural"));
    }

    [Fact]
    public void Experiments_assign_independently()
    {
        var arms = new ExperimentArms(new Dictionary<string, ExperimentDefinition>
        {
            ["first"] = new() { Shares = new() { ["rule_based"] = 1, ["ensemble"] = 1 }, Enabled = false },
            ["second"] = new() { Shares = new() { ["rule_based"] = 1, ["ensemble"] = 1 } },
        });

        var same = Enumerable.Range(1, 10_000).Count(c => arms.Assign("first", c) == arms.Assign("second", c));

        Assert.InRange(same / 10_000.0, 0.48, 0.52); // unrelated halves agree about half the time
        Assert.Equal("second", arms.Running);
        Assert.Equal(new ExperimentAssignment("second", arms.Assign("second", 5)), arms.ForClient(5));
    }

    [Fact]
    public void No_running_experiment_assigns_nobody()
    {
        var arms = new ExperimentArms(new Dictionary<string, ExperimentDefinition>());

        Assert.Null(arms.ForClient(5));
    }

    [Theory]
    [InlineData("reco-ab", "random", 1.0)]
    [InlineData("reco-ab", "neural", -1.0)]
    [InlineData("Bad Name", "neural", 1.0)]
    [InlineData("reco-ab", "neural", 0.0)]
    public void A_bad_configuration_is_refused_at_start(string name, string arm, double share) =>
        Assert.Throws<InvalidOperationException>(() => new ExperimentArms(new Dictionary<string, ExperimentDefinition>
        {
            [name] = new() { Shares = new() { [arm] = share } },
        }));

    [Fact]
    public void Two_running_experiments_are_refused_at_start() =>
        Assert.Throws<InvalidOperationException>(() => new ExperimentArms(new Dictionary<string, ExperimentDefinition>
        {
            ["a"] = new() { Shares = new() { ["neural"] = 1 } },
            ["b"] = new() { Shares = new() { ["neural"] = 1 } },
        }));
}
