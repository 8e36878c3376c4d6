using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Application;

/// <summary>
/// The batch saga's writes to the batch tables seed 001's reads answer from: the batch processing, each recipient's
/// outcome, the end. Changes are tracked on the message's DbContext and commit with the saga's row and its outgoing
/// messages (the inbox's transaction); the saga row is locked meanwhile, so one batch's messages apply one at a time.
/// </summary>
public sealed class BatchProgress(BatchesDbContext db, TimeProvider clock)
{
    /// <summary>The recipients still to pay, in the batch's order: none once the batch ended (cancelled before its funds were held).</summary>
    public async Task<IReadOnlyList<BatchRecipient>> StartProcessingAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId, ct);
        batch.StartProcessing(clock.GetUtcNow());
        if (batch.HasEnded) return [];
        return await db.BatchRecipients.AsNoTracking()
            .Where(r => r.BatchId == batchId && r.Status == RecipientStatus.Pending)
            .OrderBy(r => r.Position)
            .ToListAsync(ct);
    }

    /// <summary>The recipient was paid: its amount, or null when it already had an outcome (nothing to count again).</summary>
    public async Task<decimal?> RecipientPaidAsync(Guid batchId, Guid recipientId, CancellationToken ct) =>
        await RecipientAsync(batchId, recipientId, ct) is { } recipient && recipient.Complete(clock.GetUtcNow()) ? recipient.Amount : null;

    /// <summary>The recipient could not be paid: its amount, or null when it already had an outcome.</summary>
    public async Task<decimal?> RecipientFailedAsync(Guid batchId, Guid recipientId, string reason, CancellationToken ct) =>
        await RecipientAsync(batchId, recipientId, ct) is { } recipient && recipient.Fail(reason, clock.GetUtcNow()) ? recipient.Amount : null;

    /// <summary>Every recipient has an outcome: completed, or failed when nobody was paid; returns the batch as it ended.</summary>
    public async Task<Batch> FinishAsync(Guid batchId, bool anyPaid, CancellationToken ct)
    {
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId, ct);
        batch.Finish(anyPaid, clock.GetUtcNow());
        return batch;
    }

    /// <summary>The wallet refused the hold: every pending recipient and the batch fail with <paramref name="reason"/>; returns the batch as it ended.</summary>
    public async Task<Batch> FailAsync(Guid batchId, string reason, CancellationToken ct)
    {
        var batch = await db.Batches.Include(b => b.Recipients).SingleAsync(b => b.Id == batchId, ct);
        batch.FailAll(reason, clock.GetUtcNow());
        return batch;
    }

    private Task<BatchRecipient?> RecipientAsync(Guid batchId, Guid recipientId, CancellationToken ct) =>
        db.BatchRecipients.SingleOrDefaultAsync(r => r.Id == recipientId && r.BatchId == batchId, ct);
}
