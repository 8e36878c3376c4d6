using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Messaging;

namespace Payouts.BatchService.Application;

/// <summary>A batch as an operator sees it: its row with its recipients, and its saga's row (null before approval).</summary>
public sealed record AdminBatch(Batch Batch, BatchState? Saga);

/// <summary>The operators' read of any company's batch and where its saga stands.</summary>
public sealed class AdminBatchQueries(BatchesDbContext db)
{
    public async Task<AdminBatch?> GetAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().Include(b => b.Recipients).FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return null;
        var saga = await db.Set<BatchState>().AsNoTracking().FirstOrDefaultAsync(s => s.CorrelationId == batchId, ct);
        return new AdminBatch(batch, saga);
    }
}
