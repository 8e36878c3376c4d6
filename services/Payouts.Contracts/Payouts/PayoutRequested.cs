using Payouts.Contracts.Settlement;

namespace Payouts.Contracts.Payouts;

/// <summary>A user asked for a payout and its amount is now held. <see cref="PayoutId"/> is the payout's uuid.</summary>
public sealed record PayoutRequested(
    Guid PayoutId,
    long PayoutNumber,
    string Reference,
    string UserId,
    string? CompanyId,
    decimal Amount,
    decimal Fees,
    decimal NetAmount,
    string Currency,
    string Method,
    DestinationKind? DestinationKind,
    long? DestinationId,
    DateTimeOffset RequestedAt);
