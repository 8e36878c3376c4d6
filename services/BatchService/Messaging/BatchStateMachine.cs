using MassTransit;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// One approved batch, from its approval to the release of its hold: <see cref="BatchApproved"/> → hold the total on the
/// company wallet (<see cref="ReserveFundsActivity"/>) → <see cref="BatchFundsReserved"/>: processing, one payment per
/// recipient (<see cref="PayRecipientsActivity"/>) → each <see cref="BatchRecipientPaid"/> / <see cref="BatchRecipientFailed"/>
/// counted once (<see cref="RecordRecipientOutcomeActivity"/>) → the last one ends the batch and releases the rest of the
/// hold (<see cref="FinishBatchActivity"/>) → <see cref="BatchFundsReleased"/>. <see cref="BatchFundsRefused"/> fails the
/// batch (<see cref="FailBatchActivity"/>). Each step runs in the inbox's transaction with the saga row locked, so the
/// batch rows, the saga and the commands commit together; repeated or late messages are ignored once their step is past.
/// </summary>
public sealed class BatchStateMachine : MassTransitStateMachine<BatchState>
{
    public BatchStateMachine(TimeProvider clock)
    {
        InstanceState(s => s.CurrentState);

        Event(() => Approved, e => e.CorrelateById(m => m.Message.BatchId));
        // PayoutService's answers about a batch this service has no saga for (another environment's) change nothing.
        Event(() => FundsReserved, e =>
        {
            e.CorrelateById(m => m.Message.BatchId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => FundsRefused, e =>
        {
            e.CorrelateById(m => m.Message.BatchId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => RecipientPaid, e =>
        {
            e.CorrelateById(m => m.Message.BatchId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => RecipientFailed, e =>
        {
            e.CorrelateById(m => m.Message.BatchId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => FundsReleased, e =>
        {
            e.CorrelateById(m => m.Message.BatchId);
            e.OnMissingInstance(m => m.Discard());
        });

        Initially(
            When(Approved)
                .Activity(x => x.OfType<ReserveFundsActivity>())
                .TransitionTo(Reserving));

        During(Reserving,
            When(FundsReserved)
                .Activity(x => x.OfType<PayRecipientsActivity>())
                .IfElse(c => c.Saga.EveryRecipientTerminal,
                    nobodyToPay => nobodyToPay.Activity(x => x.OfInstanceType<FinishBatchActivity>()).TransitionTo(Releasing),
                    paying => paying.TransitionTo(Paying)),
            When(FundsRefused)
                .Activity(x => x.OfType<FailBatchActivity>())
                .TransitionTo(Refused),
            Ignore(Approved));

        During(Paying,
            When(RecipientPaid)
                .Activity(x => x.OfType<RecordRecipientOutcomeActivity>())
                .If(c => c.Saga.EveryRecipientTerminal, last => last.Activity(x => x.OfInstanceType<FinishBatchActivity>()).TransitionTo(Releasing)),
            When(RecipientFailed)
                .Activity(x => x.OfType<RecordRecipientOutcomeActivity>())
                .If(c => c.Saga.EveryRecipientTerminal, last => last.Activity(x => x.OfInstanceType<FinishBatchActivity>()).TransitionTo(Releasing)),
            Ignore(Approved), Ignore(FundsReserved), Ignore(FundsRefused));

        During(Releasing,
            When(FundsReleased)
                .Then(c =>
                {
                    c.Saga.ReleasedAmount = c.Message.Released;
                    c.Saga.ReleasedAt = clock.GetUtcNow();
                    c.Saga.UpdatedAt = c.Saga.ReleasedAt.Value;
                })
                .TransitionTo(Released),
            Ignore(Approved), Ignore(FundsReserved), Ignore(FundsRefused), Ignore(RecipientPaid), Ignore(RecipientFailed));

        // At-least-once delivery: after the end, nothing changes.
        During(Released, Refused,
            Ignore(Approved), Ignore(FundsReserved), Ignore(FundsRefused), Ignore(RecipientPaid), Ignore(RecipientFailed), Ignore(FundsReleased));
    }

    /// <summary>Approved; the wallet is asked to hold the total.</summary>
    public State Reserving { get; private set; } = null!;

    /// <summary>Held; recipients are being paid.</summary>
    public State Paying { get; private set; } = null!;

    /// <summary>Every recipient has an outcome and the batch has ended; the rest of the hold is being returned.</summary>
    public State Releasing { get; private set; } = null!;

    /// <summary>The end of a held batch: the hold is closed.</summary>
    public State Released { get; private set; } = null!;

    /// <summary>The end of a batch the wallet could not cover: nothing was held or paid.</summary>
    public State Refused { get; private set; } = null!;

    public Event<BatchApproved> Approved { get; private set; } = null!;
    public Event<BatchFundsReserved> FundsReserved { get; private set; } = null!;
    public Event<BatchFundsRefused> FundsRefused { get; private set; } = null!;
    public Event<BatchRecipientPaid> RecipientPaid { get; private set; } = null!;
    public Event<BatchRecipientFailed> RecipientFailed { get; private set; } = null!;
    public Event<BatchFundsReleased> FundsReleased { get; private set; } = null!;
}
