using MassTransit;
using Microsoft.Extensions.Options;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Settlement of one payout: processing started → <see cref="SettlePayout"/> to settlement → <see cref="PayoutSettled"/>
/// (completed: held to paid) or <see cref="PayoutSettlementFailed"/> (failed: hold released). A payout still settling
/// when its status check falls due is asked about (<see cref="SettlementStatusSweep"/>); settlement's
/// <see cref="SettlementStatus"/> answer completes or fails it through the same lifecycle calls, or re-sends the command
/// settlement never saw. Each step runs in the inbox's transaction with the saga row locked, so the payout change, the
/// saga state and the messages commit together.
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
                .Then(c =>
                {
                    c.Saga.PayoutNumber = c.Message.PayoutNumber;
                    c.Saga.Reference = c.Message.Reference;
                    c.Saga.StartedAt = c.Message.StartedAt;
                    c.Saga.StatusCheckDueAt = c.Message.StartedAt + c.GetServiceOrCreateInstance<IOptions<ProcessingOptions>>().Value.StatusCheckAfter;
                })
                // Built from the payout row: the PayPal email or Stripe account, and any FX amounts, are not on the event.
                .ThenAsync(c => SettlementCommands.SendAsync(c, c.GetServiceOrCreateInstance<PayoutsDbContext>(), c.Message.PayoutId))
                .TransitionTo(Settling));

        During(Settling,
            When(Settled)
                .ThenAsync(c => CompleteAsync(c, c.Message.PayoutId, c.Message.ProviderTransferId, c.Message.SettledAt))
                .TransitionTo(Completed),
            When(SettlementFailed)
                .ThenAsync(c => FailAsync(c, c.Message.PayoutId, c.Message.Code, c.Message.Reason, c.Message.FailedAt))
                .TransitionTo(Failed),
            When(StatusReported, c => c.Message.Status == TransferStatus.Completed && c.Message.ProviderTransferId is not null)
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status)
                .ThenAsync(c => CompleteAsync(c, c.Message.PayoutId, c.Message.ProviderTransferId!, c.Message.UpdatedAt ?? DateTimeOffset.UtcNow))
                .TransitionTo(Completed),
            When(StatusReported, c => c.Message.Status == TransferStatus.Failed)
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status)
                .ThenAsync(c => FailAsync(c, c.Message.PayoutId, c.Message.FailureCode ?? "settlement_failed",
                    c.Message.FailureReason ?? "Settlement reported the transfer failed", c.Message.UpdatedAt ?? DateTimeOffset.UtcNow))
                .TransitionTo(Failed),
            // Settlement never received the command (lost before it was stored): send it again. Safe: settlement keys
            // transfers by payout id, so a command that was only late is still paid once.
            When(StatusReported, c => c.Message.Status == SettlementStatus.NotFound)
                .Then(c => c.Saga.LastSettlementStatus = c.Message.Status)
                .ThenAsync(c => SettlementCommands.SendAsync(c, c.GetServiceOrCreateInstance<PayoutsDbContext>(), c.Message.PayoutId)),
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

    private static async Task CompleteAsync<T>(BehaviorContext<PayoutState, T> c, Guid payoutId, string providerTransferId, DateTimeOffset at)
        where T : class
    {
        await c.GetServiceOrCreateInstance<PayoutLifecycle>().For(c).CompleteSettledAsync(payoutId, providerTransferId, c.CancellationToken);
        c.Saga.ProviderTransferId = providerTransferId;
        c.Saga.FinishedAt = at;
        c.Saga.StatusCheckDueAt = null;
    }

    private static async Task FailAsync<T>(BehaviorContext<PayoutState, T> c, Guid payoutId, string code, string reason, DateTimeOffset at)
        where T : class
    {
        await c.GetServiceOrCreateInstance<PayoutLifecycle>().For(c).FailSettlementAsync(payoutId, code, reason, c.CancellationToken);
        c.Saga.FailureReason = $"{code}: {reason}";
        c.Saga.FinishedAt = at;
        c.Saga.StatusCheckDueAt = null;
    }
}
