namespace Payouts.Contracts.Settlement;

/// <summary>The provider completed the transfer for a payout.</summary>
public sealed record PayoutSettled(Guid PayoutId, string ProviderTransferId, decimal Amount, string Currency, DateTimeOffset SettledAt);
