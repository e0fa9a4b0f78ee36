namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>Lets the command consumer wake this instance's idle job runner instead of waiting for its next poll.</summary>
public sealed class TrainingWakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
