using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Training.CleaningMarketplace;
using Xunit;
using Xunit.Abstractions;

namespace iAyos.Messaging.Cli.Tests.Simulation;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var w = System.Diagnostics.Stopwatch.StartNew();
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(5000, 200, 500, 42, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)));
        var snap = MarketplaceFold.Fold(market.Events);
        output.WriteLine($"gen+fold {w.ElapsedMilliseconds} ms");
        var data = CleaningMarketplaceDataset.Build(snap);
        output.WriteLine($"dataset {w.ElapsedMilliseconds} ms match {data.Match.Fit.Count}/{data.Match.Validation.Count}/{data.Match.Test.Count} bids {data.Bids.Fit.Count}/{data.Bids.Test.Count} hires {data.TestHires.Count}");
        output.WriteLine($"rule {HireAccuracy.Measure(data.TestHires, HireScorers.RuleBased)}");
        output.WriteLine($"cheap {HireAccuracy.Measure(data.TestHires, HireScorers.Cheapest)}");
        output.WriteLine($"random {HireAccuracy.Random(data.TestHires)}");
        output.WriteLine($"oracle {HireAccuracy.Measure(data.TestHires, (j, b) => market.BidUtilities[b.BidId])}");
        output.WriteLine($"rep {HireAccuracy.Measure(data.TestHires, (j, b) => market.CleanerReputations[b.Cleaner.CleanerId])}");
        output.WriteLine($"overall {HireAccuracy.Measure(data.TestHires, (j, b) => b.Cleaner.OverallScore)}");
    }
}
