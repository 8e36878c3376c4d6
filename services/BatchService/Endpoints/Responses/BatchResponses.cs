using System.Text.Json.Serialization;
using Payouts.BatchService.Application;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Endpoints.Responses;

// Seed 001 (bulk API) bodies, written by FamilyJson (Bulk): snake_case, `…Z` timestamps, money as 350.50.

/// <summary>The batch as the create answer shows it.</summary>
public sealed record CreatedBatchView(
    Guid Id, string Reference, string Status, decimal TotalAmount, int TotalRecipients, int ValidRecipients, int CancelledRecipients, DateTimeOffset CreatedAt);

public sealed record PayeeView(Guid Id, string Email, decimal Amount, string Status)
{
    public static PayeeView Of(BatchRecipient r) => new(r.Id, r.Email, r.Amount, r.Status);
}

/// <summary><c>POST /v1/payouts/batch</c>: <c>failed_total</c> counts the payees kept as cancelled.</summary>
public sealed record BatchCreated(CreatedBatchView Batch, int TotalRecords, IReadOnlyList<PayeeView> Payees, int FailedTotal)
{
    public static BatchCreated Of(Batch b)
    {
        var cancelled = b.Count(RecipientStatus.Cancelled);
        return new(
            new CreatedBatchView(b.Id, b.Reference, b.Status, b.TotalAmount, b.Recipients.Count, b.Recipients.Count - cancelled, cancelled, b.CreatedAt),
            b.Recipients.Count, [.. b.Recipients.Select(PayeeView.Of)], cancelled);
    }
}

/// <summary>Seed 001's batch, with the approval and completion times the list shows too (null until they happen).</summary>
public sealed record BatchView(
    Guid Id, string Reference, string Status, decimal TotalAmount, int TotalRecipients, int RemainingCapacity, DateTimeOffset CreatedAt,
    DateTimeOffset? ApprovedAt, DateTimeOffset? CompletedAt);

public sealed record RecipientView(Guid Id, string Email, decimal Amount, string Status, string? Memo)
{
    public static RecipientView Of(BatchRecipient r) => new(r.Id, r.Email, r.Amount, r.Status, r.Memo);
}

public sealed record BatchStatistics(
    int TotalRecipients, int PendingRecipients, int CompletedRecipients, int CancelledRecipients, int FailedRecipients, decimal TotalAmount,
    decimal ActiveAmount);

/// <summary><c>GET /v1/payouts/batches/{id}</c>.</summary>
public sealed record BatchDetails(bool Success, BatchView Batch, IReadOnlyList<RecipientView> Recipients, BatchStatistics Statistics)
{
    public static BatchDetails Of(Batch b) => new(
        true,
        new BatchView(b.Id, b.Reference, b.Status, b.TotalAmount, b.Recipients.Count, b.RemainingCapacity, b.CreatedAt, b.ApprovedAt, b.CompletedAt),
        [.. b.Recipients.Select(RecipientView.Of)],
        new BatchStatistics(b.Recipients.Count, b.Count(RecipientStatus.Pending), b.Count(RecipientStatus.Completed), b.Count(RecipientStatus.Cancelled),
            b.Count(RecipientStatus.Failed), b.TotalAmount, b.ActiveAmount));
}

/// <summary><c>GET …/status</c>, and the answer of the console's ready and cancel.</summary>
public sealed record BatchStatusResponse(
    bool Success, Guid BatchId, string BatchStatus, int TotalRecipients, decimal TotalAmount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static BatchStatusResponse Of(Batch b) => new(true, b.Id, b.Status, b.Recipients.Count, b.TotalAmount, b.CreatedAt, b.UpdatedAt);

    public static BatchStatusResponse Of(BatchSummary s) => new(true, s.Id, s.Status, s.TotalRecipients, s.TotalAmount, s.CreatedAt, s.UpdatedAt);
}

/// <summary><c>POST …/recipients</c>.</summary>
public sealed record RecipientsAddedResponse(bool Success, Guid BatchId, int AddedPayees, int TotalPayees, int RemainingCapacity, decimal NewTotalAmount)
{
    public static RecipientsAddedResponse Of(RecipientsAdded r) =>
        new(true, r.Batch.Id, r.Added, r.Batch.Recipients.Count, r.Batch.RemainingCapacity, r.Batch.TotalAmount);
}

public sealed record BatchListItem(
    Guid Id, string Reference, string Status, int TotalRecipients, int ValidRecipients, decimal TotalAmount, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static BatchListItem Of(BatchSummary s) =>
        new(s.Id, s.Reference, s.Status, s.TotalRecipients, s.ValidRecipients, s.TotalAmount, s.CreatedAt, s.CompletedAt);
}

/// <summary>Seed 001 spells one name in camelCase: <c>totalPages</c>.</summary>
public sealed record BatchListPagination(int Page, int Limit, int Total, [property: JsonPropertyName("totalPages")] int TotalPages);

/// <summary><c>GET /v1/payouts</c>.</summary>
public sealed record BatchList(IReadOnlyList<BatchListItem> Payouts, BatchListPagination Pagination);

/// <summary><c>GET /v1/users/validate/email/{email}</c>: whether a platform user has the email.</summary>
public sealed record EmailValidation(bool Success);
