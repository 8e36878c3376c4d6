using System.Collections.Concurrent;
using MassTransit;

namespace Payouts.Messaging.Telemetry;

/// <summary>
/// The queues this process consumes, learnt from MassTransit as each receive endpoint becomes ready: endpoints from
/// <c>ConfigureEndpoints</c>, hand-configured ones and ones connected later alike, so no service lists its queues. The
/// bus's own temporary queue (responses) is left out: it is consumed as fast as it fills and dies with the process.
/// Also notes the endpoints where a message faulted, whose <c>_error</c> queue MassTransit creates on the first fault.
/// </summary>
internal sealed class ReceiveEndpointQueues : IReceiveEndpointObserver, IReceiveObserver
{
    readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> _faulted = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether a message faulted on the queue since <see cref="ClearFault"/>: its error queue may exist now.</summary>
    public bool HasFaulted(string queue) => _faulted.ContainsKey(queue);

    public void ClearFault(string queue) => _faulted.TryRemove(queue, out _);

    public Task Ready(ReceiveEndpointReady ready)
    {
        if (QueueNameOf(ready.InputAddress) is { } name) _names.TryAdd(name, 0);
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception) => NoteFault(context.InputAddress);

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => NoteFault(context.ReceiveContext.InputAddress);

    Task NoteFault(Uri inputAddress)
    {
        if (QueueNameOf(inputAddress) is { } name) _faulted.TryAdd(name, 0);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    /// <summary>The queue of a RabbitMQ endpoint address (<c>rabbitmq://host/vhost/queue?…</c>); null for a temporary one.</summary>
    internal static string? QueueNameOf(Uri inputAddress)
    {
        var query = inputAddress.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (query.Any(p => p.Equals("temporary=true", StringComparison.OrdinalIgnoreCase)
                || p.Equals("autodelete=true", StringComparison.OrdinalIgnoreCase)
                || p.Equals("durable=false", StringComparison.OrdinalIgnoreCase)))
            return null;

        var name = Uri.UnescapeDataString(inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return name.Length == 0 ? null : name;
    }
}
