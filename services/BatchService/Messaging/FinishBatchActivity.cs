using MassTransit;
using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;
using Payouts.Contracts;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// Every recipient has an outcome: the batch ends (<c>completed</c>, or <c>failed</c> when nobody was paid) with its
/// <c>completed_at</c>, and PayoutService is asked to return what is left of the hold (the failed recipients' shares are
/// already back; this closes the hold), and <see cref="BatchFinished"/> tells who follows the batch (both in the saga's
/// transaction, through its outbox). Runs after whichever message made the last recipient terminal.
/// </summary>
public sealed class FinishBatchActivity(BatchProgress progress, TimeProvider clock) : IStateMachineActivity<BatchState>
{
    public async Task Execute(BehaviorContext<BatchState> context, IBehavior<BatchState> next)
    {
        await FinishAsync(context);
        await next.Execute(context);
    }

    public async Task Execute<T>(BehaviorContext<BatchState, T> context, IBehavior<BatchState, T> next)
        where T : class
    {
        await FinishAsync(context);
        await next.Execute(context);
    }

    private async Task FinishAsync(BehaviorContext<BatchState> context)
    {
        var saga = context.Saga;
        var batch = await progress.FinishAsync(saga.CorrelationId, anyPaid: saga.PaidCount > 0, context.CancellationToken);
        saga.UpdatedAt = clock.GetUtcNow();
        saga.FinishedAt = batch.CompletedAt ?? saga.UpdatedAt;
        // Only an end this step made: a batch that had already ended (cancelled before its funds were held) finished nothing.
        if (batch.Status is BatchStatus.Completed or BatchStatus.Failed)
            await context.Publish(BatchMessages.Finished(batch, saga), context.CancellationToken);
        var wallet = await context.GetSendEndpoint(QueueAddress.For(BatchWalletQueues.WalletCommands));
        await wallet.Send(new ReleaseBatchFunds(saga.CorrelationId, saga.CompanyId, saga.Currency), context.CancellationToken);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<BatchState, TException> context, IBehavior<BatchState> next)
        where TException : Exception => next.Faulted(context);

    public Task Faulted<T, TException>(BehaviorExceptionContext<BatchState, T, TException> context, IBehavior<BatchState, T> next)
        where T : class where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("finish-batch");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
