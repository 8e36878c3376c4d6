using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Delivers committed outbox rows of <typeparamref name="TDbContext"/> to the broker, each destination's rows in
/// sequence order, deleting rows only after their publish task completed (RabbitMQ publisher confirm received).
/// </summary>
/// <remarks>
/// One deliverer per database: every replica runs this service, but only the one holding a session-level
/// <c>pg_try_advisory_lock</c> on the outbox table delivers; the others stay on standby and take over when
/// its connection ends (crash, restart), because Postgres releases session locks with the session. So no row is
/// delivered twice concurrently. <c>FOR UPDATE SKIP LOCKED</c> was rejected: two replicas would publish
/// neighbouring rows of one producer at the same time and the broker could see them swapped.
/// <para>
/// Each round reads up to <see cref="TransactionalOutboxOptions.BatchSize"/> rows from the head and groups them by
/// destination address (a queue for a send, a message-type exchange for a publish). Within a group rows are sent one
/// after another, each awaiting its confirm before the next, so every destination receives its messages in sequence
/// order; groups are delivered concurrently (at most <see cref="TransactionalOutboxOptions.MaxConcurrentDestinations"/>).
/// There is no order across destinations, nor between a publish and a send that reach one queue through different
/// exchanges: consumers run concurrently and retry, so none could rely on that order anyway.
/// </para>
/// <para>
/// Confirmed rows are deleted together in one statement after the round. A failed send stops only its own
/// group (nothing after it in that group is sent before it); the failure is recorded on its row, the round's
/// confirmed rows are still deleted, and the next round, after a backoff, re-reads from the head. A refusal the
/// broker answers by closing the channel (an exchange or queue declared with other arguments) also interrupts the
/// other destinations' sends of that round, because MassTransit sends on one shared channel; they fail and are retried
/// the same way. A nacked publish (e.g. a full queue with <c>reject-publish</c>) stays with its destination.
/// Delivery is at-least-once: a crash between confirm and delete re-sends those rows; the inbox absorbs them.
/// </para>
/// </remarks>
internal sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBusControl bus,
    OutboxDispatchSignal<TDbContext> signal,
    IOptions<TransactionalOutboxOptions> options,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    readonly TransactionalOutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var consecutiveFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wasLeader = await RunLeaseAsync(stoppingToken).ConfigureAwait(false);
                consecutiveFailures = 0;
                if (!wasLeader)
                    await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                consecutiveFailures++;
                logger.LogWarning(exception, "Outbox dispatcher for {DbContext} failed; retrying", typeof(TDbContext).Name);
                await DelayAsync(RetryDelay(consecutiveFailures), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Takes the dispatch lock if free and delivers until stopped; false when another replica holds it.</summary>
    async Task<bool> RunLeaseAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var lockName = "payouts.outbox-dispatch:" + dbContext.Model.FindEntityType(typeof(OutboxMessage))!.GetSchemaQualifiedTableName();

        // The advisory lock belongs to this physical connection, so keep it open for the whole lease.
        await dbContext.Database.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            var acquired = await dbContext.Database
                .SqlQueryRaw<bool>("SELECT pg_try_advisory_lock(hashtextextended({0}, 0)) AS \"Value\"", lockName)
                .ToListAsync(stoppingToken).ConfigureAwait(false);
            if (!acquired[0])
                return false;

            logger.LogInformation("Outbox dispatcher for {DbContext} is delivering", typeof(TDbContext).Name);
            try
            {
                await DeliverWhileLeaderAsync(dbContext, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                await ReleaseLockAsync(dbContext, lockName).ConfigureAwait(false);
            }
            return true;
        }
        finally
        {
            await dbContext.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    async Task DeliverWhileLeaderAsync(TDbContext dbContext, CancellationToken stoppingToken)
    {
        var consecutiveFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await dbContext.Set<OutboxMessage>()
                .AsNoTracking()
                .OrderBy(m => m.SequenceNumber)
                .Take(_options.BatchSize)
                .ToListAsync(stoppingToken).ConfigureAwait(false);

            if (batch.Count == 0)
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                continue;
            }

            var outcomes = await DeliverRoundAsync(batch, stoppingToken).ConfigureAwait(false);

            var delivered = outcomes.SelectMany(o => o.Delivered).ToList();
            if (delivered.Count > 0)
            {
                // Not cancelled by shutdown: the broker has these rows, so the next leader must not send them again.
                await dbContext.Set<OutboxMessage>()
                    .Where(m => delivered.Contains(m.SequenceNumber))
                    .ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            }

            var failures = outcomes.Select(o => o.Failure).OfType<DeliveryFailure>().ToList();
            if (failures.Count == 0)
            {
                consecutiveFailures = 0;
                continue;
            }

            consecutiveFailures++;
            foreach (var failure in failures)
                await RecordFailureAsync(dbContext, failure.Message, failure.Exception, stoppingToken).ConfigureAwait(false);
            // A failed row is sent before anything behind it in its destination, so re-read from the head.
            await DelayAsync(RetryDelay(consecutiveFailures), stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one batch: destinations concurrently, each destination's rows in sequence order.</summary>
    async Task<IReadOnlyCollection<DestinationOutcome>> DeliverRoundAsync(List<OutboxMessage> batch, CancellationToken stoppingToken)
    {
        // GroupBy keeps the batch's sequence order within each group.
        var destinations = batch.GroupBy(m => m.DestinationAddress, StringComparer.Ordinal);
        var outcomes = new ConcurrentQueue<DestinationOutcome>();
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDestinations };

        await Parallel.ForEachAsync(destinations, parallelism, async (rows, _) =>
            outcomes.Enqueue(await DeliverInOrderAsync(rows, stoppingToken).ConfigureAwait(false))).ConfigureAwait(false);

        return outcomes;
    }

    /// <summary>Sends one destination's rows one after another; stops at the first failure. Never throws.</summary>
    async Task<DestinationOutcome> DeliverInOrderAsync(IEnumerable<OutboxMessage> rows, CancellationToken stoppingToken)
    {
        var delivered = new List<long>();
        foreach (var message in rows)
        {
            try
            {
                await DeliverAsync(message, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // On shutdown the row simply stays for the next leader; it did not fail.
                return new DestinationOutcome(delivered, stoppingToken.IsCancellationRequested ? null : new DeliveryFailure(message, exception));
            }
            delivered.Add(message.SequenceNumber);
        }
        return new DestinationOutcome(delivered, null);
    }

    async Task DeliverAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        var stored = new StoredOutboxMessageContext(message);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.DeliveryTimeout);

        var endpoint = await bus.GetSendEndpoint(stored.DestinationAddress).ConfigureAwait(false);

        // Completes only when the broker confirmed the publish (MassTransit's RabbitMQ default).
        await endpoint.Send(new SerializedMessageBody(), new StoredMessageSendPipe(stored, message.EnqueueTime), timeout.Token)
            .ConfigureAwait(false);
    }

    async Task RecordFailureAsync(TDbContext dbContext, OutboxMessage message, Exception exception, CancellationToken stoppingToken)
    {
        var attempts = message.DeliveryAttempts + 1;
        // Exception type and message only: a body could carry account details and must not reach logs.
        var error = $"{exception.GetType().Name}: {exception.Message}";
        logger.LogWarning("Outbox delivery of {MessageId} (sequence {SequenceNumber}, attempt {Attempt}) failed: {Error}",
            message.MessageId, message.SequenceNumber, attempts, error);

        try
        {
            await dbContext.Set<OutboxMessage>()
                .Where(m => m.SequenceNumber == message.SequenceNumber)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.DeliveryAttempts, m => m.DeliveryAttempts + 1)
                    .SetProperty(m => m.LastError, error), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception updateException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(updateException, "Could not record the outbox delivery failure of {MessageId}", message.MessageId);
        }
    }

    static async Task ReleaseLockAsync(TDbContext dbContext, string lockName)
    {
        try
        {
            // Pooled connections are reset lazily; release explicitly so the lock does not outlive the lease.
            await dbContext.Database
                .SqlQueryRaw<bool>("SELECT pg_advisory_unlock(hashtextextended({0}, 0)) AS \"Value\"", lockName)
                .ToListAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Connection already gone: the server released the lock with the session.
        }
    }

    TimeSpan RetryDelay(int consecutiveFailures)
    {
        var exponent = Math.Min(consecutiveFailures - 1, 16);
        var delay = _options.MinRetryDelay * Math.Pow(2, exponent);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    /// <summary>What one destination's rows came to in a round: the confirmed rows, and the row that failed, if any.</summary>
    sealed record DestinationOutcome(IReadOnlyList<long> Delivered, DeliveryFailure? Failure);

    sealed record DeliveryFailure(OutboxMessage Message, Exception Exception);

    static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
