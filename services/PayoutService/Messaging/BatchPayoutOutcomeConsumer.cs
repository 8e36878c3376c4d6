using MassTransit;
using Payouts.Contracts.Payouts;
using Payouts.PayoutService.Application;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Turns the outcome of a bulk batch's email-rail payout into the batch's answer (<c>BatchRecipientPaid</c> or
/// <c>BatchRecipientFailed</c>); other payouts' events change nothing. The ledger side is the payout's own: completion
/// moved its amount from held to paid, failure released it to available.
/// </summary>
public sealed class BatchPayoutOutcomeConsumer(BatchRecipientPayments payments) :
    IConsumer<PayoutCompleted>,
    IConsumer<PayoutFailed>
{
    public Task Consume(ConsumeContext<PayoutCompleted> context) =>
        payments.PayoutFinishedAsync(context.Message.PayoutNumber, context.Message.TransactionReference, failureReason: null, context, context.CancellationToken);

    public Task Consume(ConsumeContext<PayoutFailed> context) =>
        payments.PayoutFinishedAsync(context.Message.PayoutNumber, transactionReference: null, context.Message.Reason, context, context.CancellationToken);
}
