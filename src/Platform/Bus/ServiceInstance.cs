namespace iAyos.Messaging.Platform.Bus;

/// <summary>Names this process among its replicas: in status answers, logs and instance-specific queues.</summary>
public sealed record ServiceInstance(string Id)
{
    public static ServiceInstance Create(string service) =>
        new($"{service}-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant());
}
