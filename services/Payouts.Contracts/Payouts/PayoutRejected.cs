namespace Payouts.Contracts.Payouts;

/// <summary>An admin rejected a pending payout; its hold was released.</summary>
public sealed record PayoutRejected(Guid PayoutId, long PayoutNumber, string Reference, string UserId, string Reason, string RejectedBy, DateTimeOffset RejectedAt);
