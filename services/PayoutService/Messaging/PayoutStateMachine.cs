using MassTransit;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Settlement of one payout: processing started → <see cref="SettlePayout"/> to settlement → <see cref="PayoutSettled"/>
/// (completed: held to paid) or <see cref="PayoutSettlementFailed"/> (failed: hold released). A payout still settling
/// when its status check falls due is asked about (<see cref="SettlementStatusSweep"/>); settlement's
/// <see cref="SettlementStatus"/> answer completes or fails it through the same lifecycle calls, or re-sends the command
/// settlement never saw. The work of each step is an activity beside this class (<see cref="SendSettlementCommandActivity"/>,
/// <see cref="CompletePayoutActivity"/>, <see cref="FailPayoutActivity"/>), resolved with its dependencies per message.
/// Each step runs in the inbox's transaction with the saga row locked, so the payout change, the saga state and the
/// messages commit together.
/// </summary>
public sealed class PayoutStateMachine : MassTransitStateMachine<PayoutState>
{
    public PayoutStateMachine()
    {
        InstanceState(s => s.CurrentState);

        Event(() => ProcessingStarted, e => e.CorrelateById(m => m.Message.PayoutId));
        Event(() => Settled, e => e.CorrelateById(m => m.Message.PayoutId));
        Event(() => SettlementFailed, e => e.CorrelateById(m => m.Message.PayoutId));
        // An answer about a payout this service has no saga for (another environment's, or from before this saga) changes nothing.
        Event(() => StatusReported, e =>
        {
            e.CorrelateById(m => m.Message.PayoutId);
            e.OnMissingInstance(m => m.Discard());
        });

        Initially(
            When(ProcessingStarted)
                .Activity(x => x.OfType<SendSettlementCommandActivity>())
                .TransitionTo(Settling));

        During(Settling,
            When(Settled)
                .Activity(x => x.OfType<CompletePayoutActivity>())
                .TransitionTo(Completed),
            When(SettlementFailed)
                .Activity(x => x.OfType<FailPayoutActivity>())
                .TransitionTo(Failed),
            When(StatusReported, c => c.Message.Status == TransferStatus.Completed && c.Message.ProviderTransferId is not null)
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status)
                .Activity(x => x.OfType<CompletePayoutActivity>())
                .TransitionTo(Completed),
            When(StatusReported, c => c.Message.Status == TransferStatus.Failed)
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status)
                .Activity(x => x.OfType<FailPayoutActivity>())
                .TransitionTo(Failed),
            // Settlement never received the command (lost before it was stored): send it again. Safe: settlement keys
            // transfers by payout id, so a command that was only late is still paid once.
            When(StatusReported, c => c.Message.Status == SettlementStatus.NotFound)
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status)
                .Activity(x => x.OfType<SendSettlementCommandActivity>()),
            // pending, unknown (settlement's reconciliation is on it), or anything else: the sweep asks again later.
            When(StatusReported, c => c.Message.Status is not (TransferStatus.Completed or TransferStatus.Failed or SettlementStatus.NotFound)
                    || (c.Message.Status == TransferStatus.Completed && c.Message.ProviderTransferId is null))
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status),
            Ignore(ProcessingStarted));

        // Settlement delivers at least once, and a status answer may cross the outcome: after the first, nothing changes.
        During(Completed, Failed, Ignore(ProcessingStarted), Ignore(Settled), Ignore(SettlementFailed), Ignore(StatusReported));
    }

    public State Settling { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<PayoutProcessingStarted> ProcessingStarted { get; private set; } = null!;
    public Event<PayoutSettled> Settled { get; private set; } = null!;
    public Event<PayoutSettlementFailed> SettlementFailed { get; private set; } = null!;
    public Event<SettlementStatus> StatusReported { get; private set; } = null!;
}
