using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>A generated profile with what the generator planted in it, and its indicators as of the set's day.</summary>
public sealed record GeneratedTrustProfile(LabelledTrustProfile Labelled, PlantedTrust Planted, TrustIndicatorValues Indicators);

/// <summary>
/// What the generator planted: the line of work, how the freelancer writes, their honesty (the latent that makes the
/// writing and the history tend to agree), and the probability the label was drawn with.
/// </summary>
public sealed record PlantedTrust(string Domain, bool HomeService, TrustWritingStyle Style, double Honesty, double Probability);
