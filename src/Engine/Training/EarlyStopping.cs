namespace iAyos.Messaging.Engine.Training;

/// <summary>
/// Keras' EarlyStopping (mode "min"): an epoch improves when loss − minDelta &lt; best; training stops once
/// <c>Wait</c> epochs in a row have not improved and Wait ≥ patience (never after the first epoch). With no
/// patience it only tracks the best epoch.
/// </summary>
public sealed class EarlyStopping(int? patience, double minDelta = 0)
{
    public int? Patience { get; } = patience;
    public double MinDelta { get; } = minDelta;
    public double Best { get; private set; } = double.PositiveInfinity;
    public int BestEpoch { get; private set; }
    public int Wait { get; private set; }

    /// <summary>Records an epoch's monitored loss; true when it is the new best.</summary>
    public bool Update(int epoch, double loss)
    {
        Wait++;
        if (!(loss - MinDelta < Best)) return false;
        Best = loss;
        BestEpoch = epoch;
        Wait = 0;
        return true;
    }

    public bool ShouldStop(int epoch) => Patience is { } p && Wait >= p && epoch > 1;

    /// <summary>Continues from a checkpoint's counters.</summary>
    public void Restore(double best, int bestEpoch, int wait) => (Best, BestEpoch, Wait) = (best, bestEpoch, wait);
}
