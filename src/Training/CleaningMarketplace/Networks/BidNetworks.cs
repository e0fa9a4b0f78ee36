using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace.Networks;

/// <summary>
/// Seed 004's bid model: Dense 64 ReLU → Dense 32 ReLU → Dense 3 → <see cref="OrderedOutputs"/>, so its outputs are
/// [min, optimal, max] with 0 &lt; min ≤ optimal ≤ max by construction. Trained with the pinball loss at
/// <see cref="Quantiles"/> on winning amounts / <see cref="BidModelSpec.AmountScale"/>.
/// </summary>
public static class BidNetworks
{
    /// <summary>min, optimal and max as the 10th, 50th and 90th percentile of winning bids (BidModelSpec's default).</summary>
    public static readonly IReadOnlyList<double> Quantiles = [0.1, 0.5, 0.9];

    public static Network Build(int features, Random init, double dropout = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentNullException.ThrowIfNull(init);
        var layers = new List<ILayer> { new Dense("bid_dense_1", features, 64, init), new Activation("bid_relu_1", ActivationKind.Relu) };
        if (dropout > 0) layers.Add(new Dropout("bid_dropout_1", dropout));
        layers.Add(new Dense("bid_dense_2", 64, 32, init));
        layers.Add(new Activation("bid_relu_2", ActivationKind.Relu));
        if (dropout > 0) layers.Add(new Dropout("bid_dropout_2", dropout));
        layers.Add(new Dense("bid_raw", 32, 3, init));
        layers.Add(new OrderedOutputs("bid_ordered", 3));
        return new Network([.. layers]);
    }

    public static PinballLoss Loss(IReadOnlyList<double>? quantiles = null) => new(quantiles ?? Quantiles);

    /// <summary>The inference graph: float [N, features] <see cref="BidModelSpec.InputName"/> → float [N, 3] <see cref="BidModelSpec.OutputName"/>.</summary>
    public static byte[] ExportOnnx(Network network, string graphName, BidModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(spec);
        var features = network.Layers.OfType<Dense>().First().Inputs;
        return network.ExportOnnx(graphName, spec.InputName, [null, features], spec.OutputName, [null, 3]);
    }
}
