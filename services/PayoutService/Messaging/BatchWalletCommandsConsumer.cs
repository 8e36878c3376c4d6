using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.PayoutService.Application;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// The batch saga's commands to the company wallet (queue <see cref="BatchWalletQueues.WalletCommands"/>). Each runs in
/// the inbox's transaction, and its answer is published through the consume context, so it leaves only with the change.
/// </summary>
public sealed class BatchWalletCommandsConsumer(BatchFunds funds, BatchRecipientPayments payments) :
    IConsumer<ReserveBatchFunds>,
    IConsumer<PayBatchRecipient>,
    IConsumer<ReleaseBatchFunds>
{
    public Task Consume(ConsumeContext<ReserveBatchFunds> context) => funds.ReserveAsync(context.Message, context, context.CancellationToken);

    public Task Consume(ConsumeContext<PayBatchRecipient> context) => payments.PayAsync(context.Message, context, context.CancellationToken);

    public Task Consume(ConsumeContext<ReleaseBatchFunds> context) => funds.ReleaseAsync(context.Message, context, context.CancellationToken);
}
