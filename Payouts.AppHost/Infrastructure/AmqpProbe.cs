using RabbitMQ.Client;

namespace Payouts.AppHost.Infrastructure;

/// <summary>RabbitMQ's health as Aspire sees it: an AMQP connection opens.</summary>
public static class AmqpProbe
{
    public static async Task<(bool Reachable, string? Error)> TryConnectAsync(string uri, CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(uri),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                AutomaticRecoveryEnabled = false,
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            return (connection.IsOpen, null);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException
                                      or System.Net.Sockets.SocketException or RabbitMQ.Client.Exceptions.OperationInterruptedException
                                      or RabbitMQ.Client.Exceptions.AuthenticationFailureException)
        {
            return (false, e.Message);
        }
    }
}
