using Payouts.AppHost.Hosting;
using Payouts.AppHost.Infrastructure;

namespace Payouts.AppHost.Resources;

/// <summary>The platform's RabbitMQ (resource <c>messaging</c>), ours or the user's.</summary>
public sealed class MessagingResource : ServerResource
{
    public const string ResourceName = "messaging";

    private readonly RabbitMqServer? _server;
    private readonly string? _externalUri;

    private MessagingResource(RabbitMqServer? server, string? externalUri, ResourceLog log, Action<string> announce)
        : base(ResourceName, server is null, log, announce)
    {
        _server = server;
        _externalUri = externalUri;
    }

    public static MessagingResource Local(RabbitMqServerOptions options, ResourceLog log, Action<string> announce) =>
        new(new RabbitMqServer(options, (line, isError) => log.Write(line, isError)), null, log, announce);

    public static MessagingResource External(string amqpUri, ResourceLog log, Action<string> announce)
    {
        if (!Uri.TryCreate(amqpUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new ResourceStartException(ResourceName, $"--rabbitmq must be an amqp:// or amqps:// URI, not '{amqpUri}'.");
        return new(null, amqpUri, log, announce);
    }

    /// <summary>The amqp:// URI services get as <c>ConnectionStrings__messaging</c>.</summary>
    public string ConnectionString => _server?.ConnectionString ?? _externalUri!;

    protected override ChildProcess? MainProcess => _server?.Process;

    protected override IEnumerable<ChildProcess> RunningProcesses() =>
        new[] { _server?.Process, _server?.EpmdProcess }.OfType<ChildProcess>();

    protected override Task LaunchAsync(CancellationToken cancellationToken) => _server!.StartAsync(cancellationToken);

    protected override Task ShutdownAsync() => _server?.StopAsync() ?? Task.CompletedTask;

    protected override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        var (reachable, error) = await AmqpProbe.TryConnectAsync(ConnectionString, cancellationToken).ConfigureAwait(false);
        if (!reachable) Log.Write($"not reachable yet: {error}", isError: true);
        return reachable;
    }
}
