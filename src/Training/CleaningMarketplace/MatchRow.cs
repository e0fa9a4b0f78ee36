namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// One hire with a review: the pair (client, hired cleaner, property type), the 18 pair features as of the job's
/// posting, and the target (review overall / 10). <see cref="RuleOverall"/> is the cleaner's rule-based overall
/// score / 100 at posting: the rule-based predictor of the same target, kept beside it as a baseline.
/// </summary>
public sealed record MatchRow(
    long JobId,
    long ClientId,
    long CleanerId,
    string PropertyType,
    DateTimeOffset PostedAt,
    float[] Features,
    double Target,
    double RuleOverall);
