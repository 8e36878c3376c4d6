namespace Payouts.Contracts.Batches;

/// <summary>
/// A company user approved a <c>ready</c> batch with a current 2FA code. Published by BatchService through its
/// transactional outbox in the approval's transaction; the batch saga starts from it. <see cref="Recipients"/> holds
/// only the valid, pending recipients (those with an invalid email are already <c>cancelled</c> and are not paid).
/// </summary>
public sealed record BatchApproved(
    Guid BatchId,
    string CompanyId,
    string PaymentReference,
    decimal Total,
    string Currency,
    IReadOnlyList<ApprovedRecipient> Recipients,
    string ApprovedBy,
    DateTimeOffset ApprovedAt);

/// <summary>One recipient the batch saga pays.</summary>
public sealed record ApprovedRecipient(Guid RecipientId, string Email, decimal Amount, string? Memo);
