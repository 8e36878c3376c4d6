namespace Payouts.Console.Api.Batches;

/// <summary><c>GET /v1/payouts/batches/{id}</c>: the batch with its recipients and statistics.</summary>
public sealed record BatchDetails(BatchView Batch, IReadOnlyList<BatchRecipient> Recipients, BatchStatistics Statistics);

/// <summary>The batch itself; <c>approved_at</c> and <c>completed_at</c> are null until those happen (shown as "—").</summary>
public sealed record BatchView(
    Guid Id, string Reference, string Status, decimal TotalAmount, int TotalRecipients, int RemainingCapacity, DateTimeOffset CreatedAt,
    DateTimeOffset? ApprovedAt, DateTimeOffset? CompletedAt);

public sealed record BatchRecipient(Guid Id, string Email, decimal Amount, string Status, string? Memo);

public sealed record BatchStatistics(
    int TotalRecipients, int PendingRecipients, int CompletedRecipients, int CancelledRecipients, int FailedRecipients, decimal TotalAmount,
    decimal ActiveAmount);

/// <summary><c>GET …/status</c>, and the answer of ready and cancel.</summary>
public sealed record BatchStatusInfo(Guid BatchId, string BatchStatus, int TotalRecipients, decimal TotalAmount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary><c>POST …/approve</c>: the batch is now processing.</summary>
public sealed record BatchApproved(Guid BatchId, string BatchStatus, DateTimeOffset ApprovedAt, int ApprovedRecipients, decimal TotalAmount, string Message);
