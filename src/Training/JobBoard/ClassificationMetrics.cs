using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// The seed's classification figures for scores against 0/1 labels: accuracy, precision, recall and F1 when a score
/// at or above <see cref="Threshold"/> predicts an application, and the threshold-free ROC-AUC.
/// </summary>
public sealed record ClassificationMetrics(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("auc")] double Auc)
{
    public static ClassificationMetrics Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        Check(scores, labels);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(threshold, (double)(tp + tn) / scores.Count, precision, recall, f1, RocAuc(scores, labels));
    }

    /// <summary>
    /// ROC-AUC exactly, as the Mann-Whitney statistic: the chance a random positive outscores a random negative, ties
    /// counting half (average ranks). NaN when either class is missing.
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1; // 1-based average rank of the tied run
            for (var k = start; k <= end; k++)
                if (labels[order[k]]) { positiveRankSum += rank; positives++; }
            start = end + 1;
        }
        var negatives = (long)scores.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>
    /// The threshold with the highest F1 on these rows (ties: the higher threshold): one of the scores, so "score at or
    /// above it" is a cut between two distinct scores. What the report chooses on validation and applies on test.
    /// </summary>
    public static double BestF1Threshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var positives = labels.Count(l => l);
        if (positives == 0) return double.PositiveInfinity;
        double best = -1, threshold = scores[order[0]];
        int tp = 0, predicted = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            for (var k = start; k <= end; k++)
            {
                predicted++;
                if (labels[order[k]]) tp++;
            }
            var f1 = 2.0 * tp / (predicted + positives);
            if (f1 > best)
            {
                best = f1;
                threshold = scores[order[start]];
            }
            start = end + 1;
        }
        return threshold;
    }

    private static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count) throw new ArgumentException($"{scores.Count} scores for {labels.Count} labels.", nameof(labels));
        if (scores.Count == 0) throw new ArgumentException("No rows to measure.", nameof(scores));
    }
}
