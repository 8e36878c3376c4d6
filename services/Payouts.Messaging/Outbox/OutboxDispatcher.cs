using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Delivers committed outbox rows of <typeparamref name="TDbContext"/> to the broker, in sequence order,
/// deleting each row only after its publish task completed (RabbitMQ publisher confirm received).
/// </summary>
/// <remarks>
/// Ordering across replicas: every replica runs this service, but only the one holding a session-level
/// <c>pg_try_advisory_lock</c> on the outbox table delivers; the others stay on standby and take over when
/// its connection ends (crash, restart), because Postgres releases session locks with the session.
/// A single deliverer keeps the whole outbox in one order, which subsumes per-producer order, and never
/// delivers a row twice concurrently. <c>FOR UPDATE SKIP LOCKED</c> was rejected: two replicas would
/// publish neighbouring rows of one producer at the same time and the broker could see them swapped.
/// On a failed publish the head row is retried with exponential backoff and nothing behind it is sent.
/// Delivery is at-least-once: a crash between confirm and delete re-sends that row; the inbox absorbs it.
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

            foreach (var message in batch)
            {
                try
                {
                    await DeliverAsync(message, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    consecutiveFailures++;
                    await RecordFailureAsync(dbContext, message, exception, stoppingToken).ConfigureAwait(false);
                    // Head-of-line: nothing after the failed row is sent before it, so re-read from the head.
                    await DelayAsync(RetryDelay(consecutiveFailures), stoppingToken).ConfigureAwait(false);
                    break;
                }

                consecutiveFailures = 0;
                await dbContext.Set<OutboxMessage>()
                    .Where(m => m.SequenceNumber == message.SequenceNumber)
                    .ExecuteDeleteAsync(stoppingToken).ConfigureAwait(false);
            }
        }
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
