namespace Payouts.Contracts.Settlement;

/// <summary>Command to settlement: pay this approved payout once. The payout's uuid is the provider payment reference.</summary>
public sealed record SettlePayout(
    Guid PayoutId,
    string Reference,
    DestinationKind DestinationKind,
    long DestinationId,
    string Method,
    decimal Amount,
    string Currency,
    string Narration);
