using MassTransit;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// The batch saga's row (table batch_saga), one per approved batch, kept after the end for operators
/// (<c>GET /v1/admin/batches/{id}</c>). The counts are folded in once per recipient: the recipient's own row decides.
/// </summary>
public sealed class BatchState : SagaStateMachineInstance
{
    /// <summary>The batch's id.</summary>
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public string CompanyId { get; set; } = "";
    public string Reference { get; set; } = "";
    public string Currency { get; set; } = "";

    /// <summary>What the approval covers, and so what is held on the wallet.</summary>
    public decimal Total { get; set; }

    /// <summary>How many recipients the saga pays (sent one <c>PayBatchRecipient</c> each).</summary>
    public int RecipientCount { get; set; }

    public int PaidCount { get; set; }
    public decimal PaidAmount { get; set; }
    public int FailedCount { get; set; }
    public decimal FailedAmount { get; set; }

    /// <summary>What the wallet got back from the hold at the end.</summary>
    public decimal? ReleasedAmount { get; set; }

    /// <summary>Why the whole batch failed (its funds were refused).</summary>
    public string? FailureReason { get; set; }

    public string ApprovedBy { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
    public DateTimeOffset? FundsReservedAt { get; set; }

    /// <summary>When every recipient was terminal (or the funds were refused): the batch's <c>completed_at</c>.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True once every recipient the saga paid has an outcome.</summary>
    public bool EveryRecipientTerminal => PaidCount + FailedCount >= RecipientCount;
}
