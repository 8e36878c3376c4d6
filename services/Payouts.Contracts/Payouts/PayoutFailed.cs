namespace Payouts.Contracts.Payouts;

/// <summary>Settlement could not pay the payout; its hold was released and the reason kept.</summary>
/// <remarks><c>CompanyId</c> is the payout's company, as <c>PayoutRequested</c> named it, so a consumer needs no earlier event to know it.</remarks>
public sealed record PayoutFailed(Guid PayoutId, long PayoutNumber, string Reference, string UserId, string Code, string Reason, DateTimeOffset FailedAt,
    string? CompanyId = null);
