namespace Payouts.Contracts.Payouts;

/// <summary>The payout was paid: its held amount moved to paid. <see cref="TransactionReference"/> is the bank's or provider's id.</summary>
public sealed record PayoutCompleted(
    Guid PayoutId,
    long PayoutNumber,
    string Reference,
    string UserId,
    decimal Amount,
    decimal NetAmount,
    string Currency,
    string? TransactionReference,
    DateTimeOffset CompletedAt);
