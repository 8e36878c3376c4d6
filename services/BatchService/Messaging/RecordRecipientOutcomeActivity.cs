using MassTransit;
using Payouts.BatchService.Application;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// A recipient was paid or failed: its row takes the outcome and the saga counts it, once. The recipient's row decides:
/// an outcome for a recipient that already has one (redelivered, or repeated by PayoutService) changes and counts nothing.
/// </summary>
public sealed class RecordRecipientOutcomeActivity(BatchProgress progress, TimeProvider clock) :
    IStateMachineActivity<BatchState, BatchRecipientPaid>,
    IStateMachineActivity<BatchState, BatchRecipientFailed>
{
    public async Task Execute(BehaviorContext<BatchState, BatchRecipientPaid> context, IBehavior<BatchState, BatchRecipientPaid> next)
    {
        if (await progress.RecipientPaidAsync(context.Saga.CorrelationId, context.Message.RecipientId, context.CancellationToken) is { } amount)
        {
            context.Saga.PaidCount++;
            context.Saga.PaidAmount += amount;
            context.Saga.UpdatedAt = clock.GetUtcNow();
        }

        await next.Execute(context);
    }

    public async Task Execute(BehaviorContext<BatchState, BatchRecipientFailed> context, IBehavior<BatchState, BatchRecipientFailed> next)
    {
        var message = context.Message;
        if (await progress.RecipientFailedAsync(context.Saga.CorrelationId, message.RecipientId, message.Reason, context.CancellationToken) is { } amount)
        {
            context.Saga.FailedCount++;
            context.Saga.FailedAmount += amount;
            context.Saga.UpdatedAt = clock.GetUtcNow();
        }

        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<BatchState, BatchRecipientPaid, TException> context,
        IBehavior<BatchState, BatchRecipientPaid> next) where TException : Exception => next.Faulted(context);

    public Task Faulted<TException>(BehaviorExceptionContext<BatchState, BatchRecipientFailed, TException> context,
        IBehavior<BatchState, BatchRecipientFailed> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("record-recipient-outcome");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
