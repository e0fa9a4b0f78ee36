using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// The fallback's urgency and skill-level multipliers. The seeds name them but give no values; these are
/// ours: a rush job costs a quarter more, an expert a third more, an entry-level worker a fifth less.
/// </summary>
public static class PriceMultipliers
{
    public static decimal ForUrgency(string urgency) => urgency switch
    {
        Urgency.Low => 0.90m,
        Urgency.High => 1.25m,
        _ => 1.00m,
    };

    public static decimal ForSkillLevel(string skillLevel) => skillLevel switch
    {
        SkillLevel.Entry => 0.80m,
        SkillLevel.Expert => 1.35m,
        _ => 1.00m,
    };
}
