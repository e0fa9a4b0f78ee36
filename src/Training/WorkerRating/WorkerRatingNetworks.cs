using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>Worker-rating networks: [batch, features] -> [batch, 1] sigmoid (the score / 100).</summary>
public static class WorkerRatingNetworks
{
    /// <summary>One network to try: its builder and Adam's learning rate.</summary>
    public sealed record Candidate(string Name, Func<int, Random, Network> Build, double LearningRate);

    /// <summary>Seed 001 §Model 3 as written: Reshape(1, 43) -> LSTM(64, sequences, dropout 0.2) -> LSTM(32, dropout 0.2)
    /// -> Dense(16, relu) -> Dropout(0.2) -> Dense(1, sigmoid); Adam 1e-3.</summary>
    public static readonly Candidate Seed = new("seed_lstm", (features, init) => new Network(
        new ToSequence("sequence"),
        new Lstm("lstm_1", features, 64, init, returnSequences: true, dropout: 0.2),
        new Lstm("lstm_2", 64, 32, init, dropout: 0.2),
        new Dense("dense_1", 32, 16, init),
        new Activation("relu_1", ActivationKind.Relu),
        new Dropout("dropout_1", 0.2),
        new Dense("score_logit", 16, 1, init),
        new Activation("score", ActivationKind.Sigmoid)), 1e-3);

    /// <summary>The served candidates, chosen between on validation MSE: a logistic model, and a small MLP. The served inputs
    /// are a handful of profile and history numbers, not a sequence, so an LSTM step adds nothing.</summary>
    public static readonly IReadOnlyList<Candidate> Served =
    [
        new("logistic", (features, init) => new Network(
            new Dense("score_logit", features, 1, init),
            new Activation("score", ActivationKind.Sigmoid)), 1e-2),
        new("mlp_32", (features, init) => new Network(
            new Dense("dense_1", features, 32, init),
            new Activation("relu_1", ActivationKind.Relu),
            new Dropout("dropout_1", 0.2),
            new Dense("score_logit", 32, 1, init),
            new Activation("score", ActivationKind.Sigmoid)), 3e-3),
    ];
}
