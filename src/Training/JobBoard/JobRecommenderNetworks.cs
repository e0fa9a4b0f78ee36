using iAyos.Messaging.Engine;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard.Baselines;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>The network the pipeline trains and ships, built from a fitted spec (each vocabulary with its unknown index 0).</summary>
public static class JobRecommenderNetworks
{
    public static ITrainableNetwork ConvFm(JobRecommenderSpec spec, double dropout, Random init)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Until the ConvFM network lands, the same path trains the MF network (same five inputs, one output).
        _ = dropout;
        return new MatrixFactorizationNetwork(spec.UserIds.Count + 1, spec.JobIds.Count + 1, 32, init);
    }

    /// <summary>The shipped graph, or null for a network with no ONNX export.</summary>
    public static byte[]? ExportOnnx(ITrainableNetwork network, JobRecommenderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(spec);
        return null;
    }
}
