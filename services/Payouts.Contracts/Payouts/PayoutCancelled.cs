namespace Payouts.Contracts.Payouts;

/// <summary>A pending payout was cancelled (by its user, or because its bank account was deleted); its hold was released.</summary>
public sealed record PayoutCancelled(Guid PayoutId, long PayoutNumber, string Reference, string UserId, string Reason, DateTimeOffset CancelledAt);
