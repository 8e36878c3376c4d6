namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>One balanced movement of money: its entries sum to zero.</summary>
public sealed class LedgerTransaction
{
    public long Id { get; set; }
    public required string Type { get; set; }
    public required string Currency { get; set; }
    public string? Reference { get; set; }
    public long? PayoutId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<LedgerEntry> Entries { get; set; } = [];
}

/// <summary>A signed amount on one account: positive increases the account, negative decreases it.</summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public long TransactionId { get; set; }
    public long AccountId { get; set; }
    public decimal Amount { get; set; }
}

public static class LedgerTransactionType
{
    public const string Credit = "credit";
    public const string PayoutHold = "payout_hold";
    public const string PayoutRelease = "payout_release";
    public const string PayoutComplete = "payout_complete";

    /// <summary>A bulk batch's total held on the company wallet (available → held), and what was left of it returned.</summary>
    public const string BatchHold = "batch_hold";
    public const string BatchRelease = "batch_release";
}
