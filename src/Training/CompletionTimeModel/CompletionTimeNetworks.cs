using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>The two completion-time networks, both [batch, features] -> [batch, 1] log1p(hours).</summary>
public static class CompletionTimeNetworks
{
    /// <summary>How a configuration trains: Adam's rate, the L2 factor on kernels, and the callbacks' patience.</summary>
    public sealed record Hyperparameters(double LearningRate, double L2, int Patience, int PlateauPatience, double MinLearningRate);

    /// <summary>Seed 001 §Model 1: Adam 1e-3, L2 0.01, EarlyStopping 10 (restore best), ReduceLROnPlateau 0.5 after 5, min 1e-6.</summary>
    public static readonly Hyperparameters SeedHyperparameters = new(1e-3, 0.01, 10, 5, 1e-6);

    /// <summary>The seed's callbacks; L2 1e-4 chosen on validation rows (see CompletionTimeModelTraining's remarks).</summary>
    public static readonly Hyperparameters ServedHyperparameters = new(1e-3, 1e-4, 10, 5, 1e-6);

    public static Hyperparameters For(string configuration) =>
        configuration == CompletionTimeFeatureConfigurations.Seed ? SeedHyperparameters : ServedHyperparameters;

    public static Network Build(CompletionTimeFeatureSpec spec, int seed) => spec.Configuration switch
    {
        CompletionTimeFeatureConfigurations.Seed => Seed(spec.FeatureCount, new Random(seed)),
        CompletionTimeFeatureConfigurations.Served => Served(spec.FeatureCount, spec.PriorOffset, new Random(seed)),
        _ => throw new ArgumentException($"Unknown completion-time configuration '{spec.Configuration}'.", nameof(spec)),
    };

    /// <summary>43 features as a one-step sequence -> LSTM(64, sequences, dropout 0.2) -> LSTM(32, dropout 0.2) ->
    /// Dense(16, relu) -> Dropout(0.2) -> Dense(1).</summary>
    public static Network Seed(int features, Random init) => new(
        new ToSequence("sequence"),
        new Lstm("lstm_1", features, 64, init, returnSequences: true, dropout: 0.2),
        new Lstm("lstm_2", 64, 32, init, dropout: 0.2),
        new Dense("dense_1", 32, 16, init),
        new Activation("relu_1", ActivationKind.Relu),
        new Dropout("dropout_1", 0.2),
        new Dense("log_hours", 16, 1, init));

    /// <summary>
    /// The category prior plus a learned correction (InputResidual): Dense(32, relu) -> Dense(1). Feed-forward, since a
    /// one-step LSTM over a bag of features adds nothing; the prior means the network starts from the category's usual
    /// hours and spends its capacity on budget, urgency, materials and the worker.
    /// </summary>
    public static Network Served(int features, int priorOffset, Random init) => new(new InputResidual("from_prior", priorOffset, 1,
        new Dense("dense_1", features, 32, init),
        new Activation("relu_1", ActivationKind.Relu),
        new Dense("log_hours", 32, 1, init)));
}
