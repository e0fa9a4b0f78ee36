using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.Tests.JobBoard;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Ndcg_recall_and_reciprocal_rank_of_one_list()
    {
        // Ranked: 0.9 (no), 0.8 (yes), 0.7 (no), 0.6 (yes).
        var (recall, ndcg, rr) = RankingMetrics.ForList([0.7, 0.9, 0.6, 0.8], [false, false, true, true], 10);
        var dcg = 1 / Math.Log2(3) + 1 / Math.Log2(5);
        var ideal = 1 + 1 / Math.Log2(3);
        Assert.Equal(1, recall, 12);
        Assert.Equal(dcg / ideal, ndcg, 12);
        Assert.Equal(0.5, rr, 12);
    }

    [Fact]
    public void Only_the_top_k_count_for_recall_and_ndcg_but_mrr_reads_the_whole_list()
    {
        // k = 2: the top two are 0.9 (no) and 0.8 (yes); the other application is 4th.
        var (recall, ndcg, rr) = RankingMetrics.ForList([0.9, 0.8, 0.7, 0.6], [false, true, false, true], 2);
        Assert.Equal(0.5, recall, 12);
        Assert.Equal(1 / Math.Log2(3) / (1 + 1 / Math.Log2(3)), ndcg, 12);
        Assert.Equal(0.5, rr, 12);

        var (recallMissed, ndcgMissed, rrLate) = RankingMetrics.ForList([0.9, 0.8, 0.7], [false, false, true], 2);
        Assert.Equal(0, recallMissed);
        Assert.Equal(0, ndcgMissed);
        Assert.Equal(1.0 / 3, rrLate, 12);
    }

    [Fact]
    public void Equal_scores_keep_the_lists_order()
    {
        var (_, _, first) = RankingMetrics.ForList([0.5, 0.5], [true, false], 10);
        var (_, _, second) = RankingMetrics.ForList([0.5, 0.5], [false, true], 10);
        Assert.Equal(1, first);
        Assert.Equal(0.5, second);
    }

    [Fact]
    public void Figures_are_averaged_over_users()
    {
        var m = RankingMetrics.Average([new UserRanking([0.9, 0.1], [true, false]), new UserRanking([0.9, 0.1], [false, true])], 1);
        Assert.Equal(2, m.Users);
        Assert.Equal(0.5, m.RecallAtK, 12);
        Assert.Equal(0.5, m.NdcgAtK, 12);
        Assert.Equal(0.75, m.Mrr, 12);
    }
}
