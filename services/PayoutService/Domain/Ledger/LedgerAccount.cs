namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>
/// One account per owner, kind and currency. <see cref="Balance"/> is the running sum of its entries, kept in the
/// same transaction as they are written so it can be row-locked; the ledger check proves it equals the sum.
/// </summary>
public sealed class LedgerAccount
{
    public long Id { get; set; }
    public required string OwnerType { get; set; }
    public required string OwnerId { get; set; }
    public required string Kind { get; set; }
    public required string Currency { get; set; }
    public decimal Balance { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
