using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Batches;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Batches;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Application;

/// <summary>
/// The company wallet's side of a bulk batch's money (README "Bulk batches"): what the wallet holds, the batch total held
/// as one hold on approval, and what is left of it returned at the end. Commands run in the caller's transaction (the
/// inbox's) and publish their answer through <c>publish</c> (the consume context), so the answer commits with the change.
/// The batch's row is claimed or locked before the ledger, so a repeated command waits for the first and answers as it did.
/// </summary>
public sealed class BatchFunds(PayoutsDbContext db, LedgerStore ledger, TimeProvider clock)
{
    public async Task<CompanyWallet> WalletAsync(string companyId, string currency, CancellationToken ct)
    {
        var code = currency.ToUpperInvariant();
        var wallet = WalletBalance.Of(code, await ledger.BalancesAsync(WalletOwner.ForCompany(companyId), code, ct));
        return new CompanyWallet(companyId, code, wallet.Available, wallet.Held);
    }

    /// <summary>Holds the batch total (available → held) once per batch, or records the refusal with the available figure.</summary>
    public async Task ReserveAsync(ReserveBatchFunds command, IPublishEndpoint publish, CancellationToken ct)
    {
        var currency = command.Currency.ToUpperInvariant();
        // Claimed as refused, then held below: a concurrent reserve of the same batch waits on the key until this commits.
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO batch_fund_holds (batch_id, company_id, currency, amount, remaining, status, created_at)
            VALUES ({command.BatchId}, {command.CompanyId}, {currency}, {command.Amount}, 0, {BatchFundsStatus.Refused}, {clock.GetUtcNow()})
            ON CONFLICT (batch_id) DO NOTHING
            """, ct) == 1;
        var hold = await LockAsync(command.BatchId, ct);
        if (claimed) await HoldAsync(hold, ct);

        if (hold.Status == BatchFundsStatus.Refused || (hold.Status == BatchFundsStatus.Released && hold.Amount == 0 && command.Amount > 0))
        {
            // Refused, or released before any reserve reached it (the batch was closed): nothing is held for it.
            var available = hold.AvailableWhenRefused ?? (await WalletAsync(hold.CompanyId, hold.Currency, ct)).Available;
            await publish.Publish(new BatchFundsRefused(hold.BatchId, hold.CompanyId, command.Amount, available, hold.Currency), ct);
        }
        else
        {
            await publish.Publish(new BatchFundsReserved(hold.BatchId, hold.CompanyId, hold.Amount, hold.Currency), ct);
        }
    }

    /// <summary>Returns what is left of the batch's hold to available, once; a batch never held releases zero (and stays closed).</summary>
    public async Task ReleaseAsync(ReleaseBatchFunds command, IPublishEndpoint publish, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // No hold yet: a closed, empty one, so a reserve arriving after the release holds nothing that would never be released.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO batch_fund_holds (batch_id, company_id, currency, amount, remaining, status, released, created_at, released_at)
            VALUES ({command.BatchId}, {command.CompanyId}, {command.Currency.ToUpperInvariant()}, 0, 0, {BatchFundsStatus.Released}, 0, {now}, {now})
            ON CONFLICT (batch_id) DO NOTHING
            """, ct);
        var hold = await LockAsync(command.BatchId, ct);
        if (hold.ReleasedAt is null)
        {
            var left = hold.Release(now);
            if (left > 0)
                await ledger.PostAsync(LedgerPosting.ReleaseBatch(hold.CompanyId, left, hold.Currency, BatchFundsHold.LedgerReference(hold.BatchId)), ct);
        }

        await publish.Publish(new BatchFundsReleased(hold.BatchId, hold.CompanyId, hold.Released ?? 0m, hold.Currency), ct);
    }

    /// <summary>The batch's hold, row-locked until commit: recipients' payments and the release queue on it.</summary>
    public Task<BatchFundsHold?> FindLockedAsync(Guid batchId, CancellationToken ct) =>
        db.BatchFundHolds.FromSql($"SELECT * FROM batch_fund_holds WHERE batch_id = {batchId} FOR UPDATE").AsTracking().SingleOrDefaultAsync(ct);

    private async Task<BatchFundsHold> LockAsync(Guid batchId, CancellationToken ct) =>
        await FindLockedAsync(batchId, ct) ?? throw new InvalidOperationException($"The hold of batch {batchId} was just claimed and is missing.");

    private async Task HoldAsync(BatchFundsHold hold, CancellationToken ct)
    {
        if (hold.Amount < 0) return;
        try
        {
            // The ledger's check-and-hold under the wallet's row locks decides: of two batches racing for one wallet, the
            // second waits for the first's commit and is checked against what it left.
            if (hold.Amount > 0)
                await ledger.PostAsync(LedgerPosting.HoldForBatch(hold.CompanyId, hold.Amount, hold.Currency, BatchFundsHold.LedgerReference(hold.BatchId)), ct);
            hold.Status = BatchFundsStatus.Held;
            hold.Remaining = hold.Amount;
        }
        catch (InsufficientFundsException)
        {
            // Read while the refused posting's locks are still held: the figure that refused it.
            hold.AvailableWhenRefused = (await WalletAsync(hold.CompanyId, hold.Currency, ct)).Available;
        }
    }
}
