namespace Payouts.PayoutService.Domain;

/// <summary>A message for the user about one of their payouts, stored when the payout reaches a terminal status.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long? PayoutId { get; set; }
    public required string Type { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
