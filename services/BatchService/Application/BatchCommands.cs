using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Messaging;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>The recipients one add-recipients call put into a batch, and the batch after it.</summary>
public sealed record RecipientsAdded(Batch Batch, int Added);

/// <summary>
/// Seed 001's writes on a company's batches: create, add recipients, and the console's ready and cancel. Every write to an
/// existing batch holds its row (<c>FOR UPDATE</c>) until commit, so two concurrent calls cannot together pass the
/// 100-payee limit or the wallet check; a refused write leaves nothing behind. Marking ready publishes
/// <see cref="Payouts.Contracts.Batches.BatchMarkedReady"/> through the outbox, in the same transaction.
/// </summary>
public sealed class BatchCommands(BatchesDbContext db, CompanyWallets wallets, IPublishEndpoint publish, TimeProvider clock)
{
    public async Task<ApiOutcome<Batch>> CreateAsync(string companyId, string reference, IReadOnlyList<NewPayee> payees, CancellationToken ct)
    {
        if (await ExistingIdAsync(companyId, reference, ct) is { } existing) return BatchErrors.DuplicateReference(reference, existing);

        var batch = Batch.Create(companyId, reference, clock.GetUtcNow());
        if (batch.CheckAdd(payees) is { } violation) return BatchErrors.Of(violation);
        if (await wallets.CheckCoversAsync(companyId, batch.ActiveAmountWith(payees), ct) is { } refused) return refused;

        batch.Add(payees, batch.CreatedAt);
        db.Batches.Add(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent create with the same reference won the unique index.
            db.ChangeTracker.Clear();
            if (await ExistingIdAsync(companyId, reference, ct) is { } winner) return BatchErrors.DuplicateReference(reference, winner);
            throw;
        }

        return batch;
    }

    public Task<ApiOutcome<RecipientsAdded>> AddRecipientsAsync(string companyId, Guid batchId, IReadOnlyList<NewPayee> payees, CancellationToken ct) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            if (await BatchLocks.LockAsync(db, companyId, batchId, ct) is not { } batch) return BatchErrors.NotFound;
            if (batch.CheckAdd(payees) is { } violation) return BatchErrors.Of(violation);
            if (await wallets.CheckCoversAsync(companyId, batch.ActiveAmountWith(payees), ct) is { } refused) return refused;

            var added = batch.Add(payees, clock.GetUtcNow());
            db.BatchRecipients.AddRange(added);
            await db.SaveChangesAsync(ct);
            return (ApiOutcome<RecipientsAdded>)new RecipientsAdded(batch, added.Count);
        }, outcome => outcome.Error is null, ct);

    public Task<ApiOutcome<Batch>> MarkReadyAsync(string companyId, Guid batchId, CancellationToken ct) =>
        ChangeAsync(companyId, batchId, async batch =>
        {
            if (batch.MarkReady(clock.GetUtcNow()) is { } violation) return violation;
            await publish.Publish(BatchMessages.MarkedReady(batch), ct);
            return null;
        }, ct);

    public Task<ApiOutcome<Batch>> CancelAsync(string companyId, Guid batchId, CancellationToken ct) =>
        ChangeAsync(companyId, batchId, batch => Task.FromResult(batch.Cancel(clock.GetUtcNow())), ct);

    private Task<ApiOutcome<Batch>> ChangeAsync(string companyId, Guid batchId, Func<Batch, Task<BatchRuleViolation?>> change, CancellationToken ct) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            if (await BatchLocks.LockAsync(db, companyId, batchId, ct) is not { } batch) return BatchErrors.NotFound;
            if (await change(batch) is { } violation) return BatchErrors.Of(violation);
            await db.SaveChangesAsync(ct);
            return (ApiOutcome<Batch>)batch;
        }, outcome => outcome.Error is null, ct);

    private Task<Guid?> ExistingIdAsync(string companyId, string reference, CancellationToken ct) =>
        db.Batches.AsNoTracking().Where(b => b.CompanyId == companyId && b.Reference == reference).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
}
