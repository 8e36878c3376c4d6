using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payouts.Messaging.Telemetry;

/// <summary>
/// Gauges of the ready messages in every queue this process consumes and in its <c>_error</c> queue, read from the
/// broker with a passive queue declare (which creates nothing). A queue that keeps growing has too few consumers or a
/// stuck one; anything in an <c>_error</c> queue is a message that exhausted its retries and waits for an operator.
/// </summary>
/// <remarks>
/// The broker is read on a connection of its own, opened on the first refresh from the same connection string the bus
/// uses: it depends on nothing else being registered, does not share MassTransit's channels (a 404 from a passive
/// declare closes the channel it ran on), and shows up on the broker under its own name. Without automatic recovery:
/// a dropped connection is replaced on the next refresh, so a broker that is down costs one failed attempt per refresh
/// interval and one log line per outage. A passive declare of a missing queue is a channel error the broker logs, so
/// a queue found missing (an <c>_error</c> queue before anything failed) is asked about again only after
/// <see cref="MissingQueueRecheck"/>, or at the next refresh once a message faulted on its endpoint in this process.
/// </remarks>
internal sealed class QueueDepthMetrics : IAsyncDisposable
{
    const ushort NotFound = 404;
    static readonly TimeSpan MissingQueueRecheck = TimeSpan.FromMinutes(1);

    readonly ReceiveEndpointQueues _queues;
    readonly ConnectionFactory _connectionFactory;
    readonly CachedReading<IReadOnlyList<QueueDepth>> _reading;
    readonly SemaphoreSlim _connectionLock = new(1, 1);
    readonly TimeProvider _time;

    // Queue name → when to ask again; touched only by the reading, which runs one at a time.
    readonly Dictionary<string, DateTimeOffset> _missing = new(StringComparer.Ordinal);
    IConnection? _connection;

    public QueueDepthMetrics(ReceiveEndpointQueues queues, Uri brokerAddress, string clientName, IMeterFactory meterFactory, TimeProvider time,
        ILogger<QueueDepthMetrics> logger)
    {
        _queues = queues;
        _time = time;
        _connectionFactory = new ConnectionFactory
        {
            Uri = brokerAddress,
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        _reading = new CachedReading<IReadOnlyList<QueueDepth>>(ReadAsync, MessagingMetrics.DefaultRefreshInterval, time, logger,
            "queue depths on the broker");

        var meter = meterFactory.Create(MessagingMetrics.MeterName);
        meter.CreateObservableGauge(MessagingMetrics.QueueDepth, () => Observe(d => d.Ready), "{message}",
            "Ready messages in the queue of a receive endpoint this service consumes");
        meter.CreateObservableGauge(MessagingMetrics.QueueErrorDepth, () => Observe(d => d.ErrorReady), "{message}",
            "Ready messages in the endpoint's _error queue: messages that failed all retries");
    }

    IEnumerable<Measurement<long>> Observe(Func<QueueDepth, long> value) =>
        (_reading.Current() ?? []).Select(d => new Measurement<long>(value(d), new KeyValuePair<string, object?>(MessagingMetrics.QueueTag, d.Queue)));

    async Task<IReadOnlyList<QueueDepth>> ReadAsync(CancellationToken cancellationToken)
    {
        var names = _queues.Names;
        if (names.Count == 0) return [];

        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var depths = new List<QueueDepth>(names.Count);
        IChannel? channel = null;
        try
        {
            foreach (var name in names)
            {
                long? ready;
                (ready, channel) = await ReadyMessagesAsync(connection, channel, name, recheckNow: false, cancellationToken).ConfigureAwait(false);
                long? errors;
                (errors, channel) = await ReadyMessagesAsync(connection, channel, name + "_error", _queues.HasFaulted(name), cancellationToken)
                    .ConfigureAwait(false);
                if (errors is not null) _queues.ClearFault(name);
                // A consumed queue that is gone (deleted by hand) has no depth to report; a missing _error queue is
                // the normal case before the first failure: nothing failed.
                if (ready is { } depth) depths.Add(new QueueDepth(name, depth, errors ?? 0));
            }
        }
        finally
        {
            if (channel is not null) await channel.DisposeAsync().ConfigureAwait(false);
        }

        return depths;
    }

    /// <summary>The queue's ready messages, or null when it does not exist; returns the channel to go on with (a 404 closes it).</summary>
    async Task<(long? Ready, IChannel? Channel)> ReadyMessagesAsync(IConnection connection, IChannel? channel, string queue, bool recheckNow,
        CancellationToken cancellationToken)
    {
        if (!recheckNow && _missing.TryGetValue(queue, out var recheckAt) && _time.GetUtcNow() < recheckAt) return (null, channel);

        if (channel is not { IsOpen: true })
        {
            if (channel is not null) await channel.DisposeAsync().ConfigureAwait(false);
            channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false);
            _missing.Remove(queue);
            return (declared.MessageCount, channel);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason is { ReplyCode: NotFound })
        {
            _missing[queue] = _time.GetUtcNow() + MissingQueueRecheck;
            return (null, channel);
        }
    }

    async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsOpen: true }) return _connection;
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
            _connection = await _connectionFactory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            return _connection;
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reading.Dispose();
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
        finally
        {
            _connectionLock.Release();
        }
    }
}
