using MassTransit;
using Payouts.BatchService.Application;
using Payouts.Contracts;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// The batch's total is held: the batch is <c>processing</c> and each recipient still to pay gets one
/// <see cref="PayBatchRecipient"/> (PayoutService pays a recipient at most once, keyed by its id). A batch cancelled before
/// its funds were held pays nobody; the saga then releases the hold at once.
/// </summary>
public sealed class PayRecipientsActivity(BatchProgress progress, TimeProvider clock) : IStateMachineActivity<BatchState, BatchFundsReserved>
{
    public async Task Execute(BehaviorContext<BatchState, BatchFundsReserved> context, IBehavior<BatchState, BatchFundsReserved> next)
    {
        var saga = context.Saga;
        var recipients = await progress.StartProcessingAsync(saga.CorrelationId, context.CancellationToken);
        // What is actually sent is what the saga waits for.
        saga.RecipientCount = recipients.Count;
        saga.FundsReservedAt = clock.GetUtcNow();
        saga.UpdatedAt = saga.FundsReservedAt.Value;

        var wallet = await context.GetSendEndpoint(QueueAddress.For(BatchWalletQueues.WalletCommands));
        foreach (var recipient in recipients)
        {
            await wallet.Send(new PayBatchRecipient(saga.CorrelationId, recipient.Id, saga.CompanyId, recipient.Email, recipient.Amount, saga.Currency,
                recipient.Memo, saga.Reference), context.CancellationToken);
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<BatchState, BatchFundsReserved, TException> context,
        IBehavior<BatchState, BatchFundsReserved> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("pay-batch-recipients");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
