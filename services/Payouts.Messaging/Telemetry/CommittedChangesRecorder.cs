using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Payouts.Messaging.Telemetry;

/// <summary>
/// Base of interceptors that record measurements about what <typeparamref name="TDbContext"/> saves, but only once it
/// is durable: after SaveChanges in its own implicit transaction, or after the explicit transaction commits. Services
/// run their changes in retried transactions (execution strategy, inbox, message retry), and an attempt that rolled
/// back changed nothing, so counting at the point of change would count it again on every retry.
/// </summary>
/// <typeparam name="TItem">What <see cref="Capture"/> notes about one save, recorded on commit.</typeparam>
public abstract class CommittedChangesRecorder<TDbContext, TItem> : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TDbContext : DbContext
{
    // Items saved by a context inside a transaction that has not ended yet.
    readonly ConditionalWeakTable<DbContext, List<TItem>> _pending = new();

    /// <summary>What the pending changes of <paramref name="context"/> mean, read from its change tracker before it saves.</summary>
    protected abstract IEnumerable<TItem> Capture(TDbContext context);

    /// <summary>Records one item whose save committed.</summary>
    protected abstract void Record(TItem item);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CaptureFrom(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        CaptureFrom(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RecordIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RecordIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfNoTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => RecordPending(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RecordPending(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // A retried attempt disposes its transaction without a rollback event: what it saved never committed.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void CaptureFrom(DbContext? context)
    {
        if (context is not TDbContext typed) return;
        List<TItem>? pending = null;
        foreach (var item in Capture(typed)) (pending ??= _pending.GetOrCreateValue(context)).Add(item);
    }

    void RecordIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null) RecordPending(context);
    }

    void RecordPending(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var items)) return;
        _pending.Remove(context);
        foreach (var item in items) Record(item);
    }

    void ForgetIfNoTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null) Forget(context);
    }

    void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
