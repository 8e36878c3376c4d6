using MassTransit;
using Payouts.Contracts;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// The batch was approved: keeps what the approval covers in the saga row and asks PayoutService to hold its total on the
/// company wallet (one hold per batch, idempotent there by batch id). Sent through the saga's context, so the command
/// joins the inbox's outbox and leaves only with the saga row.
/// </summary>
public sealed class ReserveFundsActivity(TimeProvider clock) : IStateMachineActivity<BatchState, BatchApproved>
{
    public async Task Execute(BehaviorContext<BatchState, BatchApproved> context, IBehavior<BatchState, BatchApproved> next)
    {
        var approved = context.Message;
        var saga = context.Saga;
        saga.CompanyId = approved.CompanyId;
        saga.Reference = approved.PaymentReference;
        saga.Currency = approved.Currency;
        saga.Total = approved.Total;
        saga.RecipientCount = approved.Recipients.Count;
        saga.ApprovedBy = approved.ApprovedBy;
        saga.ApprovedAt = approved.ApprovedAt;
        saga.UpdatedAt = clock.GetUtcNow();

        var wallet = await context.GetSendEndpoint(QueueAddress.For(BatchWalletQueues.WalletCommands));
        await wallet.Send(new ReserveBatchFunds(saga.CorrelationId, saga.CompanyId, saga.Total, saga.Currency), context.CancellationToken);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<BatchState, BatchApproved, TException> context, IBehavior<BatchState, BatchApproved> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("reserve-batch-funds");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
