namespace iAyos.Messaging.ScoringWorker.Caching;

public static class CacheRegistration
{
    /// <summary>The recommendation cache and its connection loop; with no <c>Redis:Configuration</c> it computes every answer.</summary>
    public static WebApplicationBuilder AddRecommendationCache(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RecommendationCacheOptions.Section).Get<RecommendationCacheOptions>() ?? new RecommendationCacheOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new RecommendationCacheConnection(
            builder.Configuration[RecommendationCacheOptions.ConnectionKey], options, sp.GetRequiredService<ILogger<RecommendationCacheConnection>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RecommendationCacheConnection>());
        builder.Services.AddSingleton<RecommendationCache>();
        return builder;
    }
}
