namespace iAyos.Messaging.Gateway;

/// <summary>Bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>How long a prediction waits for an InferenceWorker before the gateway answers itself.</summary>
    public int InferenceTimeoutMs { get; set; } = 2000;

    /// <summary>How long a recommendation request waits for a ScoringWorker before 503.</summary>
    public int ScoringTimeoutMs { get; set; } = 5000;

    /// <summary>Bodies above this size are refused with 413 before they are read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long sending a command may wait on the broker before the client gets 503.</summary>
    public int CommandTimeoutMs { get; set; } = 5000;
}
