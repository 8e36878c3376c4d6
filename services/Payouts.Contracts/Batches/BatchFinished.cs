namespace Payouts.Contracts.Batches;

/// <summary>
/// An approved batch ended: every recipient the batch saga paid has an outcome. Covers both of the batch's end statuses
/// after approval, named in <see cref="Status"/>: <c>completed</c> (at least one recipient paid) and <c>failed</c>
/// (nobody paid, including a batch the wallet could not cover, when <see cref="FailureReason"/> says why). A cancelled
/// batch was never approved and does not finish this way. Published by BatchService through the batch saga's outbox, in
/// the transaction that ends the batch; once per batch.
/// </summary>
public sealed record BatchFinished(
    Guid BatchId,
    string CompanyId,
    string PaymentReference,
    string Status,
    decimal Total,
    string Currency,
    int PaidCount,
    decimal PaidAmount,
    int FailedCount,
    decimal FailedAmount,
    string? FailureReason,
    DateTimeOffset FinishedAt);

/// <summary>The values of <see cref="BatchFinished.Status"/>: the batch's own status names (seed 001).</summary>
public static class BatchEndStatus
{
    public const string Completed = "completed";
    public const string Failed = "failed";
}
