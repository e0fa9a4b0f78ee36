namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>The completion-time feature configurations a spec can name.</summary>
public static class CompletionTimeFeatureConfigurations
{
    /// <summary>Seed 001 §Model 1 as written: 43 features into two LSTMs.</summary>
    public const string Seed = "seed";

    /// <summary>The seed's 43 plus a category prior, budget against the category's usual one and the worker's pace.</summary>
    public const string Served = "served";
}
