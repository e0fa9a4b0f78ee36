using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Predictions.FreelancerTrust;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>The trust networks: seed 003's stacked LSTM over the two timesteps, and the logistic baseline on the indicators.</summary>
public static class TrustNetworks
{
    /// <summary>Seed 003: [batch, 2·d] -> (2, d) -> LSTM 256 (sequences) -> Dropout -> LSTM 128 (sequences) -> Dropout -> LSTM 64
    /// -> Dropout -> Dense(1) -> sigmoid. Kernels Glorot (Xavier) uniform; recurrent kernels orthogonal, as Keras and the engine do.</summary>
    public static Network Seed(int textDimensions, double dropout, Random init, int units1 = 256, int units2 = 128, int units3 = 64) => new(
        new ToSteps("steps", 2, textDimensions),
        new Lstm("lstm_1", textDimensions, units1, init, returnSequences: true),
        new Dropout("dropout_1", dropout),
        new Lstm("lstm_2", units1, units2, init, returnSequences: true),
        new Dropout("dropout_2", dropout),
        new Lstm("lstm_3", units2, units3, init),
        new Dropout("dropout_3", dropout),
        new Dense("trust_logit", units3, 1, init),
        new Activation("trust", ActivationKind.Sigmoid));

    /// <summary>Logistic regression on the six standardized indicators.</summary>
    public static Network Logistic(Random init) => new(
        new Dense("logit", TrustIndicators.Count, 1, init),
        new Activation("probability", ActivationKind.Sigmoid));
}
