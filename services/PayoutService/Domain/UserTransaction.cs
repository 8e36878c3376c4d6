namespace Payouts.PayoutService.Domain;

/// <summary>An entry in the user's activity (seed 004's transaction record): credits and completed withdrawals.</summary>
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
    public const string Withdrawal = "withdrawal";
}
