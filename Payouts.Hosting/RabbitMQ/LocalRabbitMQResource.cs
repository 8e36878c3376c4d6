using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.RabbitMQ;

/// <summary>
/// A RabbitMQ node run from the machine's own binaries (Debian's <c>rabbitmq-server</c>) as an executable resource:
/// its own node name, ports, epmd and data folder, so several can run on one machine, and no container runtime needed.
/// </summary>
public sealed class LocalRabbitMQResource(string name, string command, string dataFolder, string password)
    : ExecutableResource(name, command, dataFolder), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "payouts";

    internal string Password { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>An amqp:// URI that MassTransit's <c>Host(new Uri(…))</c> and RabbitMQ.Client both accept.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}
