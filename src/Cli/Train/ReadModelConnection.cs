using Microsoft.AspNetCore.Builder;
using iAyos.Messaging.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace iAyos.Messaging.Cli.Train;

/// <summary>The PostgreSQL the processes use (ConnectionStrings__Postgres), migrated, for the kinds that train on the read model.</summary>
public static class ReadModelConnection
{
    public static async Task<(WebApplication App, NpgsqlDataSource DataSource)> OpenAsync()
    {
        var builder = CliHost.CreateBuilder();
        builder.Services.AddPostgres(builder.Configuration);
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        return (app, app.Services.GetRequiredService<NpgsqlDataSource>());
    }
}
