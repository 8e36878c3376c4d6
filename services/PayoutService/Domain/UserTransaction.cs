namespace Payouts.PayoutService.Domain;

/// <summary>
/// An entry in the user's activity (seed 004's transaction record): credits, and each step of a payout (requested, then
/// completed as a <c>withdrawal</c>, or failed, cancelled or rejected).
/// </summary>
public sealed class UserTransaction
{
    public long Id { get; set; }
    public Guid Uuid { get; set; }
    public long UserId { get; set; }

    /// <summary>Set for a withdrawal from a company's wallet: every member of the company sees it.</summary>
    public string? CompanyId { get; set; }
    public required string Type { get; set; }
    public required string Status { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public required string Description { get; set; }
    public string? Reference { get; set; }
    public long? PayoutId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class UserTransactionType
{
    public const string Credit = "credit";
    public const string PayoutRequested = "payout_request";

    /// <summary>A completed payout (seed 004: type <c>withdrawal</c>, status <c>completed</c>).</summary>
    public const string Withdrawal = "withdrawal";
    public const string PayoutFailed = "payout_failed";
    public const string PayoutCancelled = "payout_cancelled";
    public const string PayoutRejected = "payout_rejected";
}
