namespace Payouts.PayoutService.Domain.Billing;

/// <summary>
/// A billing account's invoice (seed 003); paid by an approved manual payment. <see cref="Country"/> is the account's
/// billing country as the admin issued it: it decides which manual methods may pay it.
/// </summary>
public sealed class Invoice
{
    public long Id { get; set; }
    public required string AccountType { get; set; }
    public required string AccountId { get; set; }
    public string? Country { get; set; }
    public required string Number { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public required string Description { get; set; }
    public string Status { get; set; } = InvoiceStatus.Unpaid;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }

    public BillingAccount Account => new(AccountType, AccountId);
}

public static class InvoiceStatus
{
    public const string Unpaid = "unpaid";
    public const string Paid = "paid";
}
