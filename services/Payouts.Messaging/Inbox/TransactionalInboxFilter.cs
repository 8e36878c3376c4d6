using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.Messaging.Inbox;

/// <summary>
/// Runs one consumer (or saga) for one message inside a transaction on the scoped <typeparamref name="TDbContext"/>:
/// claim the inbox row (message id, consumer), run the consumer — its changes, saga state and outbox rows
/// join the transaction — then commit. A message whose row already exists is acknowledged and skipped.
/// </summary>
/// <remarks>
/// The claim is <c>INSERT … ON CONFLICT DO NOTHING</c>. A concurrent duplicate blocks on the primary key until the
/// first delivery's transaction ends: if it committed, the insert affects no row and the duplicate is skipped;
/// if it rolled back, the duplicate proceeds. No unique-violation exception (which would abort the transaction)
/// is ever raised.
/// </remarks>
internal sealed class TransactionalInboxFilter<TDbContext, TMessage>(IConsumeScopeProvider scopeProvider, string consumerId)
    : IFilter<ConsumeContext<TMessage>>
    where TDbContext : DbContext
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        await using var scope = await scopeProvider.GetScope(context).ConfigureAwait(false);
        var dbContext = scope.GetService<TDbContext>();
        if (dbContext.Database.CurrentTransaction is not null)
        {
            // An enclosing inbox filter (inbox configured twice on one endpoint) already owns this delivery.
            await next.Send(context).ConfigureAwait(false);
            return;
        }

        var provider = scope.GetService<IServiceProvider>();
        var logger = provider.GetService<ILogger<TransactionalInboxFilter<TDbContext, TMessage>>>();

        var strategy = dbContext.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async cancellationToken =>
        {
            // A retry (ours or MassTransit's) starts from the database, not from a failed attempt's leftovers.
            dbContext.ChangeTracker.Clear();
            await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (context.MessageId is Guid messageId && !await TryClaimAsync(dbContext, messageId, cancellationToken).ConfigureAwait(false))
                {
                    logger?.LogInformation("Skipping {MessageType} {MessageId} for {ConsumerId}: already consumed",
                        typeof(TMessage).Name, messageId, consumerId);
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                var outboxContext = new OutboxConsumeContext<TMessage>(scope.Context, dbContext, provider);
                var publishTarget = provider.GetService<InboxPublishTarget>();
                if (publishTarget is not null) publishTarget.Current = outboxContext;
                try
                {
                    using (scope.PushConsumeContext(outboxContext))
                        await next.Send(outboxContext).ConfigureAwait(false);
                }
                finally
                {
                    if (publishTarget is not null) publishTarget.Current = null;
                }

                await dbContext.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                dbContext.ChangeTracker.Clear();
                throw;
            }
        }, context.CancellationToken).ConfigureAwait(false);
    }

    async Task<bool> TryClaimAsync(TDbContext dbContext, Guid messageId, CancellationToken cancellationToken)
    {
        // The table name comes from the EF model, delimited; the values are parameters.
        var sql = "INSERT INTO " + InboxTable(dbContext)
            + " (message_id, consumer_id, received_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING";
        var inserted = await dbContext.Database.ExecuteSqlRawAsync(sql, [messageId, consumerId], cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    static string InboxTable(DbContext dbContext)
    {
        var entity = dbContext.Model.FindEntityType(typeof(InboxState))
            ?? throw new InvalidOperationException(
                $"{dbContext.GetType().Name} has no inbox table: call modelBuilder.AddTransactionalOutboxEntities() in OnModelCreating.");
        return dbContext.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateFilterScope("transactionalInbox");
        scope.Add("dbContext", typeof(TDbContext).Name);
        scope.Add("consumerId", consumerId);
    }
}
