using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class RabbitMqMessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ at <c>ConnectionStrings:{connectionName}</c> (an <c>amqp://user:pass@host:port/vhost</c>
    /// URI), kebab-case endpoint names and endpoints for every registered consumer and saga.
    /// MassTransit adds its own bus health check (tagged <c>ready</c>), and its transport keeps
    /// reconnecting with backoff while the broker is unreachable.
    /// </summary>
    /// <param name="configure">Registers consumers, sagas, the outbox…</param>
    /// <param name="configureBus">Bus-level settings, applied before endpoints are configured.</param>
    public static IHostApplicationBuilder AddRabbitMqMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null,
        string connectionName = "messaging")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "masstransit-bus";
                health.Tags.Add(Extensions.ReadyTag);
            });

            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connectionString = context.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Connection string 'ConnectionStrings:{connectionName}' (env ConnectionStrings__{connectionName}) is not configured.");
                }

                rabbit.Host(new Uri(connectionString), host =>
                {
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(10));
                });

                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // Start the bus in the background: the host (and /alive) comes up while the broker is still
        // starting; /health reports the bus unhealthy until it connects.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        return builder;
    }
}
