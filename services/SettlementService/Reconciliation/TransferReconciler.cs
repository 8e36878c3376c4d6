using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Reconciliation;

/// <summary>
/// Resolves transfers whose outcome is open (pending at the provider, or unknown to us) by asking the provider by
/// payment reference. It never sends a transfer: what the provider does not hold was never paid, and fails.
/// </summary>
public sealed class TransferReconciler(
    SettlementDbContext db,
    ProviderClient provider,
    IPublishEndpoint publish,
    IOptions<ReconciliationOptions> options,
    TimeProvider time)
{
    /// <summary>One pass over due transfers (at most <see cref="ReconciliationOptions.BatchSize"/>); returns how many reached a final status.</summary>
    public async Task<int> ReconcileDueAsync(CancellationToken cancellationToken)
    {
        var resolved = 0;
        for (var i = 0; i < options.Value.BatchSize; i++)
        {
            var outcome = await ReconcileNextAsync(cancellationToken);
            if (outcome is ReconcileStep.NoneDue) break;
            if (outcome is ReconcileStep.Resolved) resolved++;
        }

        return resolved;
    }

    /// <summary>
    /// One transfer per transaction, so a row is locked only for one provider call. A transfer looked at without a
    /// final answer has its <c>updated_at</c> moved on, so it is not due again in the same pass.
    /// </summary>
    private Task<ReconcileStep> ReconcileNextAsync(CancellationToken cancellationToken) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var dueBefore = time.GetUtcNow() - options.Value.MinimumAge;
            // SKIP LOCKED: every replica sweeps; each transfer is looked at by one of them at a time.
            var transfer = await db.Transfers
                .FromSql($"""
                    SELECT * FROM transfers
                    WHERE status IN ({TransferStatus.Pending}, {TransferStatus.Unknown}) AND updated_at <= {dueBefore}
                    ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED
                    """)
                .SingleOrDefaultAsync(cancellationToken);
            if (transfer is null) return ReconcileStep.NoneDue;

            var now = time.GetUtcNow();
            var answer = await provider.FindByReferenceAsync(transfer.PaymentReference, cancellationToken);
            var outcome = answer switch
            {
                ProviderResult.NotFound => NotReceived(transfer, now),
                ProviderResult.Unknown => null,
                _ => SettlementOutcome.Apply(transfer, answer, now),
            };

            if (outcome is null)
            {
                transfer.Reconciled(now);
            }
            else
            {
                await publish.Publish(outcome, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return outcome is null ? ReconcileStep.StillOpen : ReconcileStep.Resolved;
        }, cancellationToken);

    private enum ReconcileStep
    {
        NoneDue,
        StillOpen,
        Resolved,
    }

    private static object NotReceived(Transfer transfer, DateTimeOffset now)
    {
        transfer.Fail(SettlementOutcome.NotReceivedByProvider, "The provider has no transfer with this payment reference; nothing was paid", providerTransferId: null, now);
        return SettlementOutcome.Replay(transfer)!;
    }
}
