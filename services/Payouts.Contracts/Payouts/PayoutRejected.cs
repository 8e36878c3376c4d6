namespace Payouts.Contracts.Payouts;

/// <summary>An admin rejected a pending payout; its hold was released.</summary>
/// <remarks><c>CompanyId</c> is the payout's company, as <c>PayoutRequested</c> named it, so a consumer needs no earlier event to know it.</remarks>
public sealed record PayoutRejected(Guid PayoutId, long PayoutNumber, string Reference, string UserId, string Reason, string RejectedBy, DateTimeOffset RejectedAt,
    string? CompanyId = null);
