using Microsoft.EntityFrameworkCore;
using Payouts.ProviderSandbox.Data;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Application;

/// <summary>Gives pending transfers whose time has come their final answer: failed, with the debit returned.</summary>
public sealed class PendingTransferResolver(SandboxDbContext db, TimeProvider time)
{
    private const int BatchSize = 100;

    public Task<int> ResolveDueAsync(CancellationToken cancellationToken) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow();
            // SKIP LOCKED: the sweeper and readers may resolve at the same time; each row is resolved once.
            var due = await db.Transfers
                .FromSql($"SELECT * FROM transfers WHERE status = {TransferStatus.Pending} AND resolve_at <= {now} ORDER BY resolve_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken);
            foreach (var transfer in due)
            {
                transfer.FailLate(now);
                if (transfer.Debited)
                {
                    await db.AccountBalances
                        .Where(b => b.AccountId == transfer.DebitAccountId && b.Currency == transfer.Currency)
                        .ExecuteUpdateAsync(set => set
                            .SetProperty(b => b.Balance, b => b.Balance + transfer.Amount)
                            .SetProperty(b => b.UpdatedAt, now), cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        }, cancellationToken);
}
