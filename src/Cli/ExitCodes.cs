namespace iAyos.Messaging.Cli;

/// <summary>What scripts can rely on: 0 done, 1 the work failed (e.g. the gateway is down), 2 bad arguments.</summary>
public static class ExitCodes
{
    public const int Ok = 0, Failed = 1, BadArguments = 2, Cancelled = 130;
}
