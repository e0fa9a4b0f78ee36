using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Platform.Categories;

public static class CategoryRegistration
{
    public static IServiceCollection AddCategoryCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(CategoryCatalogOptions.Section).Get<CategoryCatalogOptions>() ?? new CategoryCatalogOptions());
        services.AddSingleton<CategoryStatsReader>();
        services.AddSingleton<CategoryCatalogCache>();
        services.AddSingleton<ICategoryCatalogProvider>(sp => sp.GetRequiredService<CategoryCatalogCache>());
        services.AddHostedService(sp => sp.GetRequiredService<CategoryCatalogCache>());
        return services;
    }
}
