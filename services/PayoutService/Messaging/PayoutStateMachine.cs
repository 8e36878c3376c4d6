using MassTransit;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Settlement of one payout: processing started → <see cref="SettlePayout"/> to settlement → <see cref="PayoutSettled"/>
/// (completed: held to paid) or <see cref="PayoutSettlementFailed"/> (failed: hold released). Each step runs in the
/// inbox's transaction with the saga row locked, so the payout change, the saga state and the messages commit together.
/// </summary>
public sealed class PayoutStateMachine : MassTransitStateMachine<PayoutState>
{
    public PayoutStateMachine()
    {
        InstanceState(s => s.CurrentState);

        Event(() => ProcessingStarted, e => e.CorrelateById(m => m.Message.PayoutId));
        Event(() => Settled, e => e.CorrelateById(m => m.Message.PayoutId));
        Event(() => SettlementFailed, e => e.CorrelateById(m => m.Message.PayoutId));

        Initially(
            When(ProcessingStarted)
                .Then(c =>
                {
                    c.Saga.PayoutNumber = c.Message.PayoutNumber;
                    c.Saga.Reference = c.Message.Reference;
                    c.Saga.StartedAt = c.Message.StartedAt;
                })
                // Built from the payout row: the PayPal email or Stripe account, and any FX amounts, are not on the event.
                .ThenAsync(c => SettlementCommands.SendAsync(c, c.GetServiceOrCreateInstance<PayoutsDbContext>(), c.Message.PayoutId))
                .TransitionTo(Settling));

        During(Settling,
            When(Settled)
                .ThenAsync(async c =>
                {
                    await c.GetServiceOrCreateInstance<PayoutLifecycle>().For(c).CompleteSettledAsync(c.Message.PayoutId, c.Message.ProviderTransferId, c.CancellationToken);
                    c.Saga.ProviderTransferId = c.Message.ProviderTransferId;
                    c.Saga.FinishedAt = c.Message.SettledAt;
                })
                .TransitionTo(Completed),
            When(SettlementFailed)
                .ThenAsync(async c =>
                {
                    await c.GetServiceOrCreateInstance<PayoutLifecycle>().For(c).FailSettlementAsync(c.Message.PayoutId, c.Message.Code, c.Message.Reason, c.CancellationToken);
                    c.Saga.FailureReason = $"{c.Message.Code}: {c.Message.Reason}";
                    c.Saga.FinishedAt = c.Message.FailedAt;
                })
                .TransitionTo(Failed));

        // Settlement delivers at least once: a repeated outcome after the first changes nothing.
        During(Completed, Failed, Ignore(ProcessingStarted), Ignore(Settled), Ignore(SettlementFailed));
        During(Settling, Ignore(ProcessingStarted));
    }

    public State Settling { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<PayoutProcessingStarted> ProcessingStarted { get; private set; } = null!;
    public Event<PayoutSettled> Settled { get; private set; } = null!;
    public Event<PayoutSettlementFailed> SettlementFailed { get; private set; } = null!;
}
