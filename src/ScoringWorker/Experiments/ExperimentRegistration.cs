namespace iAyos.Messaging.ScoringWorker.Experiments;

public static class ExperimentRegistration
{
    /// <summary><see cref="ExperimentArms"/> from <c>Recommendations:Experiments</c>; a bad configuration stops the start.</summary>
    public static WebApplicationBuilder AddExperiments(this WebApplicationBuilder builder)
    {
        var experiments = builder.Configuration.GetSection(ExperimentDefinition.Section).Get<Dictionary<string, ExperimentDefinition>>() ?? [];
        builder.Services.AddSingleton(new ExperimentArms(experiments));
        return builder;
    }
}
