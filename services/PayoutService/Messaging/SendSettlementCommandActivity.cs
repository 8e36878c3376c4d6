using MassTransit;
using Microsoft.Extensions.Options;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Sends the payout's <see cref="SettlePayout"/> command: when processing starts (recording when its status check falls
/// due), and again when settlement reports it never received it. Sent through the saga's context, so it joins the
/// inbox's outbox and commits with the saga.
/// </summary>
public sealed class SendSettlementCommandActivity(PayoutsDbContext db, IOptions<ProcessingOptions> options) :
    IStateMachineActivity<PayoutState, PayoutProcessingStarted>,
    IStateMachineActivity<PayoutState, SettlementStatus>
{
    public async Task Execute(BehaviorContext<PayoutState, PayoutProcessingStarted> context, IBehavior<PayoutState, PayoutProcessingStarted> next)
    {
        context.Saga.PayoutNumber = context.Message.PayoutNumber;
        context.Saga.Reference = context.Message.Reference;
        context.Saga.StartedAt = context.Message.StartedAt;
        context.Saga.StatusCheckDueAt = context.Message.StartedAt + options.Value.StatusCheckAfter;
        await SettlementCommands.SendAsync(context, db, context.Saga.CorrelationId);
        await next.Execute(context);
    }

    public async Task Execute(BehaviorContext<PayoutState, SettlementStatus> context, IBehavior<PayoutState, SettlementStatus> next)
    {
        await SettlementCommands.SendAsync(context, db, context.Saga.CorrelationId);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<PayoutState, PayoutProcessingStarted, TException> context,
        IBehavior<PayoutState, PayoutProcessingStarted> next) where TException : Exception => next.Faulted(context);

    public Task Faulted<TException>(BehaviorExceptionContext<PayoutState, SettlementStatus, TException> context,
        IBehavior<PayoutState, SettlementStatus> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("send-settlement-command");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
