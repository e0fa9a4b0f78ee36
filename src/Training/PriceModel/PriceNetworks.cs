using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>The two price networks, both [batch, features] -> [batch, 3] log1p prices (min, suggested, max).</summary>
public static class PriceNetworks
{
    /// <summary>How each configuration trains: Adam's rate and the L2 factor on kernels.</summary>
    public sealed record Hyperparameters(double LearningRate, double L2, int Patience, int PlateauPatience);

    /// <summary>Seed 001 §Model 2 as written: Adam 1e-3, L2 0.01, patience 10, ReduceLROnPlateau 0.5 after 5.</summary>
    public static readonly Hyperparameters SeedHyperparameters = new(1e-3, 0.01, 10, 5);

    /// <summary>Seed 001's settings too: of L2 1e-4, 1e-3 and 1e-2, 1e-2 had the lowest validation MSE (0.2037, 0.2096, 0.2029).</summary>
    public static readonly Hyperparameters ServedHyperparameters = new(1e-3, 0.01, 10, 5);

    public static Hyperparameters For(string configuration) =>
        configuration == PriceFeatureConfigurations.Seed ? SeedHyperparameters : ServedHyperparameters;

    public static Network Build(PriceFeatureSpec spec, int seed) => spec.Configuration switch
    {
        PriceFeatureConfigurations.Seed => Seed(spec.FeatureCount, new Random(seed)),
        PriceFeatureConfigurations.Served when spec.HasPrior => new Network(new InputResidual("from_prior", spec.PriorOffset, 3,
            [.. Served(spec.FeatureCount, new Random(seed)).Layers])),
        PriceFeatureConfigurations.Served => Served(spec.FeatureCount, new Random(seed)),
        _ => throw new ArgumentException($"Unknown price configuration '{spec.Configuration}'.", nameof(spec)),
    };

    /// <summary>60 features as a one-step sequence -> LSTM(64, sequences, dropout 0.2, recurrent 0.2) ->
    /// LSTM(32, dropout 0.2) -> Dense(16, relu) -> Dropout(0.2) -> Dense(3).</summary>
    public static Network Seed(int features, Random init) => new(
        new ToSequence("sequence"),
        new Lstm("lstm_1", features, 64, init, returnSequences: true, dropout: 0.2, recurrentDropout: 0.2),
        new Lstm("lstm_2", 64, 32, init, dropout: 0.2),
        new Dense("dense_1", 32, 16, init),
        new Activation("relu_1", ActivationKind.Relu),
        new Dropout("dropout_1", 0.2),
        new Dense("prices", 16, 3, init));

    /// <summary>With a prior in the spec, these layers predict the difference from the group medians (InputResidual).
    /// Hashed words and one-hots -> Dense(64, relu) -> Dropout(0.2) -> Dense(32, relu) -> Dense(3). A
    /// feed-forward net: the served features are a bag, not a sequence, so an LSTM step would add nothing.</summary>
    public static Network Served(int features, Random init) => new(
        new Dense("dense_1", features, 64, init),
        new Activation("relu_1", ActivationKind.Relu),
        new Dropout("dropout_1", 0.2),
        new Dense("dense_2", 64, 32, init),
        new Activation("relu_2", ActivationKind.Relu),
        new Dense("prices", 32, 3, init));
}
