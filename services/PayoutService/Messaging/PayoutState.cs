using MassTransit;

namespace Payouts.PayoutService.Messaging;

/// <summary>The payout saga's row (table payout_saga), one per payout handed to settlement; kept after the outcome for audit.</summary>
public sealed class PayoutState : SagaStateMachineInstance
{
    /// <summary>The payout's uuid.</summary>
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public long PayoutNumber { get; set; }
    public string Reference { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? ProviderTransferId { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>
    /// While settling: when <see cref="SettlementStatusSweep"/> next asks settlement where the transfer stands (the
    /// broker has no delayed delivery, so the timeout lives in this row and survives restarts).
    /// </summary>
    public DateTimeOffset? StatusCheckDueAt { get; set; }

    /// <summary>How many times settlement was asked; the last answer it gave.</summary>
    public int StatusChecks { get; set; }

    public string? LastSettlementStatus { get; set; }
}
