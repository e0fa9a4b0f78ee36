using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>
/// A cleaning network's ONNX graph run on a run's test rows, as the serving side runs it: the activation rule measures
/// the new and the active version with this one function on the same rows, so neither is judged by another's code.
/// </summary>
public static class ActiveVersionMeasure
{
    /// <summary>MSE of the served score (the hybrid, or content alone for a pair the version never saw) against review / 10.</summary>
    public static double CleanerMatchMse(byte[] onnx, string specJson, IReadOnlyList<MatchRow> test)
    {
        using var scorer = new CleanerMatchOnnxScorer(onnx, CleanerMatchSpec.Parse(specJson));
        var scores = scorer.Score(test.Select(CleanerMatchPair.Of).ToList());
        return test.Select((r, i) => Math.Pow(scores[i].Served - r.Target, 2)).Average();
    }

    /// <summary>MAE in EUR of the optimal bid (the middle output) against the bid that won.</summary>
    public static double OptimalBidMae(byte[] onnx, string specJson, IReadOnlyList<BidRow> test)
    {
        var spec = BidModelSpec.Parse(specJson);
        using var session = OnnxSession.FromBytes(onnx);
        var n = test.Count;
        var features = new float[n * BidFeatures.Count];
        for (var i = 0; i < n; i++)
            test[i].Features.CopyTo(features, i * BidFeatures.Count);
        var bids = session.Run(spec.InputName, new OnnxTensor(features, n, BidFeatures.Count), [spec.OutputName])[0].Data;
        return test.Select((r, i) => Math.Abs(bids[3 * i + 1] * spec.AmountScale - (double)r.AcceptedAmount)).Average();
    }
}
