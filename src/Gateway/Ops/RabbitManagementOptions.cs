namespace iAyos.Messaging.Gateway.Ops;

/// <summary>
/// Where the Gateway reads queue statistics: RabbitMQ's management HTTP API, with the bus's own credentials
/// (the RabbitMq section's Username, Password and VirtualHost) and RabbitMq:ManagementUrl.
/// </summary>
public sealed class RabbitManagementOptions
{
    public const string Section = "RabbitMq";

    public string ManagementUrl { get; set; } = "http://127.0.0.1:15672";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public string VirtualHost { get; set; } = "/";

    /// <summary>How long one read may take before the answer is 503: the dashboard polls every 5 s.</summary>
    public double ManagementTimeoutSeconds { get; set; } = 3;

    public static RabbitManagementOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RabbitManagementOptions>() ?? new RabbitManagementOptions();
}
