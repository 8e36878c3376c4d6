using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payouts.Messaging.Telemetry;

namespace Payouts.Messaging;

public static class QueueDepthMetricsRegistrationExtensions
{
    /// <summary>
    /// Gauges <c>payouts.queue.depth</c> and <c>payouts.queue.error_depth</c> (meter <c>Payouts.Messaging</c>) for every
    /// queue the bus consumes, read from the RabbitMQ broker at <c>ConnectionStrings:{connectionName}</c> (the bus's).
    /// </summary>
    public static IServiceCollection AddQueueDepthMetrics(this IServiceCollection services, string connectionName = "messaging")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        services.AddSingleton<ReceiveEndpointQueues>();
        services.AddReceiveEndpointObserver(provider => provider.GetRequiredService<ReceiveEndpointQueues>());
        services.AddReceiveObserver(provider => provider.GetRequiredService<ReceiveEndpointQueues>());
        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Connection string 'ConnectionStrings:{connectionName}' (env ConnectionStrings__{connectionName}) is not configured.");
            }

            return new QueueDepthMetrics(
                provider.GetRequiredService<ReceiveEndpointQueues>(),
                new Uri(connectionString),
                $"{provider.GetRequiredService<IHostEnvironment>().ApplicationName} queue metrics",
                provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetRequiredService<ILogger<QueueDepthMetrics>>());
        });
        services.AddHostedService<InstrumentsActivation<QueueDepthMetrics>>();
        return services;
    }
}
