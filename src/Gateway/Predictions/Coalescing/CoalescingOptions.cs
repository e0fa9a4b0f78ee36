namespace iAyos.Messaging.Gateway.Predictions.Coalescing;

/// <summary>How concurrent single predictions share bus messages (section <c>Gateway:Coalescing</c>).</summary>
public sealed class CoalescingOptions
{
    public const string Section = "Gateway:Coalescing";

    /// <summary>Off sends every prediction as its own request message, as before coalescing existed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most predictions in one bus message (the InferenceWorker runs them as one batch).</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// Bus messages of one kind awaiting their answer at once, per Gateway. A request that finds every slot taken
    /// waits for the next message, with everything else that arrived meanwhile; one that finds a slot free goes at
    /// once, alone, so coalescing adds no wait when the Gateway is quiet. Fewer slots make bigger batches: 2 carried
    /// 5,100 predictions/s against 4,600 with 4 on one 2-core machine with one worker (bench/throughput.sh). It also
    /// bounds how many workers a kind can keep busy (one batch per worker core), so deployments with more workers
    /// raise it (deploy/k8s: 8 per Gateway).
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 2;

    public IEnumerable<string> Problems()
    {
        if (MaxBatchSize is < 1 or > 1000)
            yield return $"{Section}:MaxBatchSize must be 1 to 1000 (got {MaxBatchSize}).";
        if (MaxBatchesInFlight is < 1 or > 1024)
            yield return $"{Section}:MaxBatchesInFlight must be 1 to 1024 (got {MaxBatchesInFlight}).";
    }
}
