using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Application;

/// <summary>
/// Builds the <see cref="SettlePayout"/> command from the payout row, so the first send and a re-send after settlement
/// said <c>not_found</c> carry the same destination, amount and currency (settlement is idempotent per payout id).
/// </summary>
public static class SettlementCommands
{
    /// <summary>Where a payout goes, or null when no provider rail pays it (a mailed check).</summary>
    public static DestinationKind? DestinationKindOf(Payout payout) =>
        payout.BankAccountId is not null ? DestinationKind.BankAccount
        : payout.BeneficiaryDetailsId is not null ? DestinationKind.BeneficiaryDetails
        : payout.PaypalEmail is not null ? DestinationKind.PayPal
        : payout.StripeAccount is not null ? DestinationKind.Stripe
        : null;

    /// <summary>BankAccountService's id of the destination; 0 for PayPal and Stripe, whose handle travels on the command.</summary>
    public static long DestinationIdOf(Payout payout) => payout.BankAccountId ?? payout.BeneficiaryDetailsId ?? 0;

    public static SettlePayout For(Payout payout)
    {
        var kind = DestinationKindOf(payout) ?? throw new InvalidOperationException($"Payout {payout.Reference} has no provider rail.");
        // What the destination receives: after the method's fee and, for an account in another currency, converted at the
        // rate locked at request time less the processing fee.
        var (amount, currency) = payout.SettlementCurrency is { } settlementCurrency && payout.SettlementNetAmount is { } net
            ? (net, settlementCurrency)
            : (payout.NetAmount, payout.Currency);
        return new SettlePayout(payout.Uuid, payout.Reference, kind, DestinationIdOf(payout), payout.Method, amount, currency,
            $"Payout {payout.Reference}", kind switch
            {
                DestinationKind.PayPal => payout.PaypalEmail,
                DestinationKind.Stripe => payout.StripeAccount,
                _ => null,
            });
    }

    /// <summary>Sends the payout's settlement command through <paramref name="context"/> (the saga's, so it joins the inbox's outbox).</summary>
    public static async Task SendAsync(ConsumeContext context, PayoutsDbContext db, Guid payoutUuid)
    {
        var payout = await db.Payouts.AsNoTracking().SingleAsync(p => p.Uuid == payoutUuid, context.CancellationToken);
        var endpoint = await context.GetSendEndpoint(QueueAddress.For(SettlementQueues.SettlePayout));
        await endpoint.Send(For(payout), context.CancellationToken);
    }
}
