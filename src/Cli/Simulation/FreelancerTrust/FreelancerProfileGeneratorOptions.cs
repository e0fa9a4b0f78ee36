namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>How many profiles, from which seed, as of which day; <see cref="OnlyStyle"/> writes every profile in one
/// style while everything else (history, skills, links) stays as the seed would draw it.</summary>
public sealed record FreelancerProfileGeneratorOptions
{
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 1);

    public int Count { get; init; } = 6_000;
    public int Seed { get; init; } = 42;
    public DateOnly AsOf { get; init; } = DefaultAsOf;
    public TrustWritingStyle? OnlyStyle { get; init; }
}
