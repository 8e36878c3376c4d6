namespace Payouts.PayoutService.Domain.Billing;

/// <summary>A company's invoice (seed 003); paid by an approved manual payment.</summary>
public sealed class Invoice
{
    public long Id { get; set; }
    public required string CompanyId { get; set; }
    public required string Number { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public required string Description { get; set; }
    public string Status { get; set; } = InvoiceStatus.Unpaid;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
}

public static class InvoiceStatus
{
    public const string Unpaid = "unpaid";
    public const string Paid = "paid";
}
