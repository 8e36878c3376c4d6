using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payouts.ServiceDefaults;

namespace Payouts.Messaging;

public static class RabbitMqMessagingExtensions
{
    /// <summary>The name Aspire's RabbitMQ client integration gives its (unkeyed) health check.</summary>
    private const string RabbitMqHealthCheckName = "RabbitMQ.Client";

    /// <summary>
    /// MassTransit on RabbitMQ at <c>ConnectionStrings:{connectionName}</c> (an <c>amqp://user:pass@host:port/vhost</c>
    /// URI), kebab-case endpoint names and endpoints for every registered consumer and saga.
    /// MassTransit adds its own bus health check (tagged <c>ready</c>), and its transport keeps
    /// reconnecting with backoff while the broker is unreachable. Aspire's RabbitMQ client integration adds a broker
    /// health check (tagged <c>ready</c>) and the RabbitMQ.Client traces, which cover MassTransit's connection too.
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

        // Its connection serves only the health check, which opens it on the first probe: never at start, so a broker
        // that is down does not stop the process; one attempt per probe, so a probe is not held by retries (the next
        // probe is the retry).
        builder.AddRabbitMQClient(connectionName, settings =>
        {
            settings.DisableAutoActivation = true;
            settings.MaxConnectRetryCount = 0;
        });
        builder.Services.TagHealthCheck(RabbitMqHealthCheckName, Extensions.ReadyTag);

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
