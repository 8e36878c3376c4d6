using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as outbox rows are durable: after SaveChanges when it ran in its own implicit
/// transaction, or after the explicit transaction commits. Added to <typeparamref name="TDbContext"/>'s options
/// by <c>AddTransactionalOutbox</c>, so services need not wire it.
/// </summary>
internal sealed class OutboxCommitInterceptor<TDbContext>(OutboxDispatchSignal<TDbContext> signal)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TDbContext : DbContext
{
    sealed class PendingFlag;

    // Contexts that saved outbox rows inside a transaction which has not committed yet.
    readonly ConditionalWeakTable<DbContext, PendingFlag> _pending = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        MarkIfOutboxRowsAdded(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkIfOutboxRowsAdded(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyPending(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyPending(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    void MarkIfOutboxRowsAdded(DbContext? context)
    {
        if (context is TDbContext && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            _pending.AddOrUpdate(context, new PendingFlag());
    }

    void NotifyIfCommitted(DbContext? context)
    {
        // With an explicit transaction the rows are not visible to the dispatcher until it commits.
        if (context is not null && context.Database.CurrentTransaction is null)
            NotifyPending(context);
    }

    void NotifyPending(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
            signal.Notify();
    }

    void Forget(DbContext? context)
    {
        if (context is not null)
            _pending.Remove(context);
    }
}
