namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// How much a simulated client will spend, and so how they pick among bids. Internal to the simulation:
/// no event carries it; the market only sees its effects (budgets stated, bids chosen).
/// </summary>
public enum ClientBudgetTier
{
    High,
    Medium,
    Low,
}

/// <summary>
/// One budget tier: its share of clients, the EUR/hour it budgets for, and the weights it gives a bid's
/// price (cheaper within the job's bids) and the cleaner's reputation when choosing (weights sum to 1).
/// </summary>
public sealed record ClientBudgetProfile(
    ClientBudgetTier Tier,
    double Share,
    decimal MinHourlyBudget,
    decimal MaxHourlyBudget,
    double PriceWeight,
    double QualityWeight);

public static class ClientBudgetTiers
{
    public static readonly ClientBudgetProfile High = new(ClientBudgetTier.High, 0.30, 23m, 35m, PriceWeight: 0.2, QualityWeight: 0.8);
    public static readonly ClientBudgetProfile Medium = new(ClientBudgetTier.Medium, 0.45, 15m, 22m, PriceWeight: 0.5, QualityWeight: 0.5);
    public static readonly ClientBudgetProfile Low = new(ClientBudgetTier.Low, 0.25, 10m, 14m, PriceWeight: 0.8, QualityWeight: 0.2);

    /// <summary>In enum order; shares sum to 1.</summary>
    public static readonly IReadOnlyList<ClientBudgetProfile> All = [High, Medium, Low];

    public static ClientBudgetProfile Profile(this ClientBudgetTier tier) => tier switch
    {
        ClientBudgetTier.High => High,
        ClientBudgetTier.Medium => Medium,
        ClientBudgetTier.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };
}
