namespace Payouts.AppHost.Infrastructure;

/// <summary>Where and how to run a private RabbitMQ node from the local rabbitmq-server.</summary>
public sealed record RabbitMqServerOptions
{
    /// <summary>Folder for the node's database, logs, config and Erlang cookie; created when missing.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The AMQP port.</summary>
    public int Port { get; init; }

    /// <summary>Erlang distribution port (inter-node and CLI traffic).</summary>
    public int DistributionPort { get; init; }

    /// <summary>Port of the node's own epmd, so it neither shares nor leaves behind the machine-wide one.</summary>
    public int EpmdPort { get; init; }
}
