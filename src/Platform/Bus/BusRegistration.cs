using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Platform.Bus;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ with our conventions: no usage telemetry (machines are often offline),
    /// kebab-case endpoint names, consumers' own definitions for queue names and retry.
    /// </summary>
    public static IServiceCollection AddMessageBus(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var options = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        if (string.IsNullOrEmpty(options.Username) || string.IsNullOrEmpty(options.Password))
            throw new InvalidOperationException(
                "RabbitMq:Username and RabbitMq:Password are not set (environment RabbitMq__Username, RabbitMq__Password; scripts/up.sh keeps them in .run/up/secrets.env).");
        services.AddSingleton(options);
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            registerConsumers(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }
}
