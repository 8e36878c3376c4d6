using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
    /// <summary>One pass over due transfers; returns how many reached a final status.</summary>
    public Task<int> ReconcileDueAsync(CancellationToken cancellationToken) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var dueBefore = time.GetUtcNow() - options.Value.MinimumAge;
            // SKIP LOCKED: every replica sweeps; each transfer is looked at by one of them at a time.
            var due = await db.Transfers
                .FromSql($"""
                    SELECT * FROM transfers
                    WHERE status IN ({TransferStatus.Pending}, {TransferStatus.Unknown}) AND updated_at <= {dueBefore}
                    ORDER BY updated_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);

            var resolved = 0;
            foreach (var transfer in due)
            {
                var now = time.GetUtcNow();
                var answer = await provider.FindByReferenceAsync(transfer.PaymentReference, cancellationToken);
                object? outcome = answer switch
                {
                    ProviderResult.NotFound => NotReceived(transfer, now),
                    ProviderResult.Unknown => null,
                    _ => SettlementOutcome.Apply(transfer, answer, now),
                };

                if (outcome is null)
                {
                    transfer.Reconciled(now);
                    continue;
                }

                await publish.Publish(outcome, cancellationToken);
                resolved++;
            }

            await db.SaveChangesAsync(cancellationToken);
            return resolved;
        }, cancellationToken);

    private static object NotReceived(Transfer transfer, DateTimeOffset now)
    {
        transfer.Fail(SettlementOutcome.NotReceivedByProvider, "The provider has no transfer with this payment reference; nothing was paid", providerTransferId: null, now);
        return SettlementOutcome.Replay(transfer)!;
    }
}
