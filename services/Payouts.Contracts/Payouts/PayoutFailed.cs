namespace Payouts.Contracts.Payouts;

/// <summary>Settlement could not pay the payout; its hold was released and the reason kept.</summary>
public sealed record PayoutFailed(Guid PayoutId, long PayoutNumber, string Reference, string UserId, string Code, string Reason, DateTimeOffset FailedAt);
