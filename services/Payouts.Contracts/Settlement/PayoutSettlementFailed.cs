namespace Payouts.Contracts.Settlement;

/// <summary>The provider refused or failed the transfer for a payout; nothing was paid, so the hold can be released.</summary>
public sealed record PayoutSettlementFailed(Guid PayoutId, string Code, string Reason, DateTimeOffset FailedAt);
