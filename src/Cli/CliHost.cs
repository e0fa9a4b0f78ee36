using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.Cli;

/// <summary>
/// The small host the database and bus subcommands build: configuration from the appsettings.json beside the
/// tool plus environment variables (ConnectionStrings__Postgres, RabbitMq__Host, ...), as the processes read
/// theirs, and logs on standard error so standard output stays the command's answer. Never started as a server.
/// </summary>
public static class CliHost
{
    public static WebApplicationBuilder CreateBuilder()
    {
        // Beside the tool, not the working directory: scripts run it from the repository root.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }
}
