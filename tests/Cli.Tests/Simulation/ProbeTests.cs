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
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(5000, 200, 500, 42, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)));
        var data = CleaningMarketplaceDataset.Build(MarketplaceFold.Fold(market.Events));
        var truth = MarketplaceTruth.Measure(market, data);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(truth));
        var actual = data.Match.Test.Select(r => r.Target).ToList();
        var mean = data.Match.Fit.Average(r => r.Target);
        output.WriteLine($"mean {RegressionMetrics.Compute([.. actual.Select(_ => mean)], actual)}");
        output.WriteLine($"rule {RegressionMetrics.Compute([.. data.Match.Test.Select(r => r.RuleOverall)], actual)}");
        var t = data.Bids.Test;
        output.WriteLine($"bids test {t.Count}: rule mae {t.Average(r => Math.Abs((double)(r.RuleOptimal - r.AcceptedAmount))):F2} cov {t.Count(r => r.RuleMin <= r.AcceptedAmount && r.AcceptedAmount <= r.RuleMax) / (double)t.Count:P1} width {t.Average(r => (double)(r.RuleMax - r.RuleMin)):F2} market mae {t.Average(r => Math.Abs((double)((r.MarketAmount ?? r.RuleOptimal) - r.AcceptedAmount))):F2} mean amount {t.Average(r => (double)r.AcceptedAmount):F2}");
        output.WriteLine($"cold start test rows: {data.Match.Test.Count(r => !data.ClientIds.Contains(r.ClientId) || !data.CleanerIds.Contains(r.CleanerId))}; unknown clients {data.Match.Test.Count(r => !data.ClientIds.Contains(r.ClientId))}");
    }
}
