using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Data;

/// <summary>A company's batch read for a write: its row locked (<c>FOR UPDATE</c>) until the transaction ends, so writes to one batch take turns.</summary>
public static class BatchLocks
{
    /// <summary>The company's batch with its recipients in order; null for another company's or an unknown id.</summary>
    public static async Task<Batch?> LockAsync(BatchesDbContext db, string companyId, Guid batchId, CancellationToken ct)
    {
        var batch = await db.Batches.FromSql($"SELECT * FROM batches WHERE id = {batchId} AND company_id = {companyId} FOR UPDATE")
            .AsTracking().SingleOrDefaultAsync(ct);
        if (batch is not null) await db.Entry(batch).Collection(b => b.Recipients).Query().OrderBy(r => r.Position).LoadAsync(ct);
        return batch;
    }
}
