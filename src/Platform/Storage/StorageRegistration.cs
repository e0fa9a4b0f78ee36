using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace iAyos.Messaging.Platform.Storage;

public static class StorageRegistration
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddPostgres(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
        // Columns are snake_case, properties PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<MigrationRunner>();
        return services;
    }

    /// <summary>
    /// Applies migrations before the process takes any message, waiting for PostgreSQL to come up
    /// (several services may start with it).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, TimeSpan? waitForDatabase = null)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        var logger = app.Services.GetRequiredService<ILogger<MigrationRunner>>();
        var deadline = DateTime.UtcNow + (waitForDatabase ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await runner.ApplyAsync(Migration.Embedded(), app.Lifetime.ApplicationStopping);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), app.Lifetime.ApplicationStopping);
            }
        }
    }
}
