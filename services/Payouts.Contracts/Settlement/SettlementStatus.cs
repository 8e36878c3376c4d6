namespace Payouts.Contracts.Settlement;

/// <summary>
/// Reply to <see cref="GetSettlementStatus"/>. <see cref="Status"/> is one of <c>not_found</c> (settlement never saw
/// the payout), <c>pending</c> or <c>unknown</c> (reconciliation will settle it), <c>completed</c>, <c>failed</c>.
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
    public const string NotFound = "not_found";
}
