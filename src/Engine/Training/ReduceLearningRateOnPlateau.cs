namespace iAyos.Messaging.Engine.Training;

/// <summary>
/// Keras' ReduceLROnPlateau (mode "min"): an epoch improves when loss &lt; best − minDelta; after
/// <c>patience</c> epochs without improvement the rate becomes max(rate · factor, minLearningRate) and the
/// count starts again after <c>cooldown</c> epochs.
/// </summary>
public sealed class ReduceLearningRateOnPlateau(double factor = 0.5, int patience = 5, double minLearningRate = 0, double minDelta = 1e-4, int cooldown = 0)
{
    public double Factor { get; } = factor;
    public int Patience { get; } = patience;
    public double MinLearningRate { get; } = minLearningRate;
    public double MinDelta { get; } = minDelta;
    public int Cooldown { get; } = cooldown;
    public double Best { get; private set; } = double.PositiveInfinity;
    public int Wait { get; private set; }
    public int CooldownCounter { get; private set; }

    /// <summary>Records an epoch's monitored loss; returns the learning rate for the next epoch.</summary>
    public double Update(double loss, double learningRate)
    {
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            Wait = 0;
        }
        if (loss < Best - MinDelta)
        {
            Best = loss;
            Wait = 0;
            return learningRate;
        }
        // As Keras: the cooldown is checked after this epoch has used up one of its epochs.
        if (CooldownCounter > 0) return learningRate;
        Wait++;
        if (Wait < Patience) return learningRate;
        // Keras compares with min_lr in float32; a rate already at the floor stays there.
        if (!(learningRate > (float)MinLearningRate)) return learningRate;
        CooldownCounter = Cooldown;
        Wait = 0;
        return Math.Max(learningRate * Factor, MinLearningRate);
    }

    /// <summary>Continues from a checkpoint's counters.</summary>
    public void Restore(double best, int wait, int cooldownCounter) => (Best, Wait, CooldownCounter) = (best, wait, cooldownCounter);
}
