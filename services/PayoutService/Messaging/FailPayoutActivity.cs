using MassTransit;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Application;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Fails the payout settlement could not pay (the hold released, <c>PayoutFailed</c>), from settlement's
/// <see cref="PayoutSettlementFailed"/> or from a status answer saying the transfer failed.
/// </summary>
public sealed class FailPayoutActivity(PayoutLifecycle lifecycle) :
    IStateMachineActivity<PayoutState, PayoutSettlementFailed>,
    IStateMachineActivity<PayoutState, SettlementStatus>
{
    public async Task Execute(BehaviorContext<PayoutState, PayoutSettlementFailed> context, IBehavior<PayoutState, PayoutSettlementFailed> next)
    {
        await FailAsync(context, context.Message.Code, context.Message.Reason, context.Message.FailedAt);
        await next.Execute(context);
    }

    public async Task Execute(BehaviorContext<PayoutState, SettlementStatus> context, IBehavior<PayoutState, SettlementStatus> next)
    {
        await FailAsync(context, context.Message.FailureCode ?? "settlement_failed",
            context.Message.FailureReason ?? "Settlement reported the transfer failed", context.Message.UpdatedAt ?? DateTimeOffset.UtcNow);
        await next.Execute(context);
    }

    private async Task FailAsync(BehaviorContext<PayoutState> context, string code, string reason, DateTimeOffset at)
    {
        await lifecycle.For(context).FailSettlementAsync(context.Saga.CorrelationId, code, reason, context.CancellationToken);
        context.Saga.FailureReason = $"{code}: {reason}";
        context.Saga.FinishedAt = at;
        context.Saga.StatusCheckDueAt = null;
    }

    public Task Faulted<TException>(BehaviorExceptionContext<PayoutState, PayoutSettlementFailed, TException> context,
        IBehavior<PayoutState, PayoutSettlementFailed> next) where TException : Exception => next.Faulted(context);

    public Task Faulted<TException>(BehaviorExceptionContext<PayoutState, SettlementStatus, TException> context,
        IBehavior<PayoutState, SettlementStatus> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("fail-payout");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
