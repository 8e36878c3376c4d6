using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Messaging;

namespace Payouts.BatchService.Endpoints.Responses;

// GET /v1/admin/batches/{id}, written by FamilyJson (Bulk) like every /v1 body: snake_case, `…Z` timestamps, money as 350.50.

/// <summary>The batch row as seed 001's reads show it, with its company and recipient figures.</summary>
public sealed record AdminBatchView(
    Guid Id, string CompanyId, string Reference, string Status, decimal TotalAmount, int TotalRecipients, int PendingRecipients,
    int CompletedRecipients, int FailedRecipients, int CancelledRecipients, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt);

/// <summary>The saga's row: where it stands, what it counted, and when each step happened.</summary>
public sealed record BatchSagaView(
    string State, decimal Total, string Currency, int Recipients, int PaidRecipients, decimal PaidAmount, int FailedRecipients, decimal FailedAmount,
    decimal? ReleasedAmount, string? FailureReason, string ApprovedBy, DateTimeOffset ApprovedAt, DateTimeOffset? FundsReservedAt,
    DateTimeOffset? FinishedAt, DateTimeOffset? ReleasedAt, DateTimeOffset UpdatedAt)
{
    public static BatchSagaView Of(BatchState s) => new(s.CurrentState, s.Total, s.Currency, s.RecipientCount, s.PaidCount, s.PaidAmount,
        s.FailedCount, s.FailedAmount, s.ReleasedAmount, s.FailureReason, s.ApprovedBy, s.ApprovedAt, s.FundsReservedAt, s.FinishedAt, s.ReleasedAt,
        s.UpdatedAt);
}

/// <summary><c>GET /v1/admin/batches/{id}</c>: <c>saga</c> is null until the batch is approved.</summary>
public sealed record AdminBatchResponse(bool Success, AdminBatchView Batch, BatchSagaView? Saga)
{
    public static AdminBatchResponse Of(AdminBatch found)
    {
        var b = found.Batch;
        return new(true,
            new AdminBatchView(b.Id, b.CompanyId, b.Reference, b.Status, b.TotalAmount, b.Recipients.Count, b.Count(RecipientStatus.Pending),
                b.Count(RecipientStatus.Completed), b.Count(RecipientStatus.Failed), b.Count(RecipientStatus.Cancelled), b.CreatedAt, b.UpdatedAt,
                b.CompletedAt),
            found.Saga is null ? null : BatchSagaView.Of(found.Saga));
    }
}
