namespace Payouts.Contracts.Payouts;

/// <summary>A pending payout was cancelled (by its user, or because its bank account was deleted); its hold was released.</summary>
/// <remarks><c>CompanyId</c> is the payout's company, as <c>PayoutRequested</c> named it, so a consumer needs no earlier event to know it.</remarks>
public sealed record PayoutCancelled(Guid PayoutId, long PayoutNumber, string Reference, string UserId, string Reason, DateTimeOffset CancelledAt,
    string? CompanyId = null);
