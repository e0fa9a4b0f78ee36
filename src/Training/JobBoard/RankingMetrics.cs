using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// Per-user ranking figures averaged over users: recall@k (the share of the user's applications in the top k),
/// NDCG@k (binary relevance, log2 discount, divided by the best possible ordering's DCG) and MRR (1 / the rank of the
/// first application, over the whole list).
/// </summary>
public sealed record RankingMetrics(
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("users")] int Users,
    [property: JsonPropertyName("recall_at_k")] double RecallAtK,
    [property: JsonPropertyName("ndcg_at_k")] double NdcgAtK,
    [property: JsonPropertyName("mrr")] double Mrr)
{
    public const int DefaultK = 10;

    /// <summary>The mean of each figure over every list.</summary>
    public static RankingMetrics Average(IReadOnlyList<UserRanking> lists, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (lists.Count == 0) return new RankingMetrics(k, 0, double.NaN, double.NaN, double.NaN);
        double recall = 0, ndcg = 0, mrr = 0;
        foreach (var list in lists)
        {
            var (r, n, rr) = ForList(list.Scores, list.Relevant, k);
            recall += r;
            ndcg += n;
            mrr += rr;
        }
        return new RankingMetrics(k, lists.Count, recall / lists.Count, ndcg / lists.Count, mrr / lists.Count);
    }

    /// <summary>
    /// One user's list: candidates ranked by score, highest first; equal scores keep the list's order (the cases are
    /// shuffled when built, so a tie neither favours nor hurts the applications).
    /// </summary>
    public static (double RecallAtK, double NdcgAtK, double ReciprocalRank) ForList(IReadOnlyList<double> scores, IReadOnlyList<bool> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (scores.Count != relevant.Count) throw new ArgumentException($"{scores.Count} scores for {relevant.Count} candidates.", nameof(relevant));
        var total = relevant.Count(r => r);
        if (total == 0) throw new ArgumentException("A ranked list needs at least one relevant candidate.", nameof(relevant));
        // OrderByDescending is stable: ties keep the list's order.
        var ranked = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double dcg = 0, reciprocal = 0;
        var hits = 0;
        for (var position = 0; position < ranked.Length; position++)
        {
            if (!relevant[ranked[position]]) continue;
            if (reciprocal == 0) reciprocal = 1.0 / (position + 1);
            if (position < k)
            {
                hits++;
                dcg += 1 / Math.Log2(position + 2);
            }
        }
        double ideal = 0;
        for (var position = 0; position < Math.Min(total, k); position++) ideal += 1 / Math.Log2(position + 2);
        return ((double)hits / total, dcg / ideal, reciprocal);
    }
}

/// <summary>One user's scored candidate list: a score and whether the user applied, per candidate.</summary>
public sealed record UserRanking(IReadOnlyList<double> Scores, IReadOnlyList<bool> Relevant);
