using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payouts.Hosting.RabbitMQ;

/// <summary>Healthy while an AMQP connection to the broker is open; the connection is kept between checks and reopened when lost.</summary>
internal sealed class RabbitMQHealthCheck(IResourceWithConnectionString resource) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsOpen: true }) return HealthCheckResult.Healthy();
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;

            var uri = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false);
            var factory = new ConnectionFactory
            {
                Uri = new Uri(uri ?? throw new InvalidOperationException($"{resource.Name} has no connection string.")),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "apphost-health",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is BrokerUnreachableException or IOException or TimeoutException or OperationInterruptedException
                                      or AuthenticationFailureException or System.Net.Sockets.SocketException or UriFormatException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _lock.Dispose();
    }
}
