using MassTransit;
using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// The wallet could not cover the batch and held nothing: the batch and its recipients fail with seed 001's wallet text and
/// the real figures, and <see cref="BatchFinished"/> (<c>failed</c>, with the reason) goes out in the same transaction.
/// Not back to <c>ready</c>: PayoutService answers every later reserve of this batch id as it answered this one, so a
/// re-approval could never be held; the company funds its wallet and creates a new batch.
/// </summary>
public sealed class FailBatchActivity(BatchProgress progress, TimeProvider clock) : IStateMachineActivity<BatchState, BatchFundsRefused>
{
    public async Task Execute(BehaviorContext<BatchState, BatchFundsRefused> context, IBehavior<BatchState, BatchFundsRefused> next)
    {
        var saga = context.Saga;
        saga.FailureReason = ReasonFor(context.Message);
        var batch = await progress.FailAsync(saga.CorrelationId, saga.FailureReason, context.CancellationToken);
        saga.FailedCount = saga.RecipientCount;
        saga.FailedAmount = saga.Total;
        saga.UpdatedAt = clock.GetUtcNow();
        saga.FinishedAt = batch.CompletedAt ?? saga.UpdatedAt;
        if (batch.Status == BatchStatus.Failed) await context.Publish(BatchMessages.Finished(batch, saga), context.CancellationToken);
        await next.Execute(context);
    }

    /// <summary>The same words as the 403 a create or an addition gets when the wallet falls short.</summary>
    public static string ReasonFor(BatchFundsRefused refused) => BatchErrors.InsufficientBalance(refused.Required, refused.Available).Message;

    public Task Faulted<TException>(BehaviorExceptionContext<BatchState, BatchFundsRefused, TException> context,
        IBehavior<BatchState, BatchFundsRefused> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("fail-batch");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
