namespace Payouts.Contracts.Settlement;

/// <summary>
/// Reply to <see cref="GetSettlementStatus"/>. <see cref="Status"/> is <see cref="NotFound"/> (settlement never saw the
/// payout) or a <see cref="TransferStatus"/>: pending or unknown (reconciliation will settle it), completed, failed.
/// </summary>
public sealed record SettlementStatus(
    Guid PayoutId,
    string Status,
    string? ProviderTransferId,
    decimal? Amount,
    string? Currency,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Settlement has no transfer for the payout: it never received the command.</summary>
    public const string NotFound = "not_found";
}
