using MassTransit;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Application;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Completes the payout settlement paid (held → paid in the ledger, <c>PayoutCompleted</c>), from settlement's
/// <see cref="PayoutSettled"/> or from a status answer saying the transfer completed.
/// </summary>
public sealed class CompletePayoutActivity(PayoutLifecycle lifecycle) :
    IStateMachineActivity<PayoutState, PayoutSettled>,
    IStateMachineActivity<PayoutState, SettlementStatus>
{
    public async Task Execute(BehaviorContext<PayoutState, PayoutSettled> context, IBehavior<PayoutState, PayoutSettled> next)
    {
        await CompleteAsync(context, context.Message.ProviderTransferId, context.Message.SettledAt);
        await next.Execute(context);
    }

    public async Task Execute(BehaviorContext<PayoutState, SettlementStatus> context, IBehavior<PayoutState, SettlementStatus> next)
    {
        var transferId = context.Message.ProviderTransferId
            ?? throw new InvalidOperationException("A completed status answer must carry the provider's transfer id.");
        await CompleteAsync(context, transferId, context.Message.UpdatedAt ?? DateTimeOffset.UtcNow);
        await next.Execute(context);
    }

    private async Task CompleteAsync(BehaviorContext<PayoutState> context, string providerTransferId, DateTimeOffset at)
    {
        await lifecycle.For(context).CompleteSettledAsync(context.Saga.CorrelationId, providerTransferId, context.CancellationToken);
        context.Saga.ProviderTransferId = providerTransferId;
        context.Saga.FinishedAt = at;
        context.Saga.StatusCheckDueAt = null;
    }

    public Task Faulted<TException>(BehaviorExceptionContext<PayoutState, PayoutSettled, TException> context,
        IBehavior<PayoutState, PayoutSettled> next) where TException : Exception => next.Faulted(context);

    public Task Faulted<TException>(BehaviorExceptionContext<PayoutState, SettlementStatus, TException> context,
        IBehavior<PayoutState, SettlementStatus> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("complete-payout");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
