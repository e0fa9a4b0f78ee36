namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>How a generated freelancer writes about their work: the planted text quality that
/// <see cref="FreelancerTrustTruth"/> reads along with the history.</summary>
public enum TrustWritingStyle
{
    /// <summary>Checkable claims: numbers, kinds of clients, named tools, outcomes.</summary>
    Concrete,
    /// <summary>Boilerplate with nothing to check: "passionate, hard-working, quality work".</summary>
    Vague,
    /// <summary>Claims no one can meet: "world-class expert in every technology, 100% guaranteed, top 1%".</summary>
    Inflated,
}
