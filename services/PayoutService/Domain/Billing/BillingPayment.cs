namespace Payouts.PayoutService.Domain.Billing;

/// <summary>
/// A payment towards an invoice (seed 003). Manual payments start <c>pending_approval</c>; an admin approves them
/// (invoice paid, the account's wallet credited) or declines them with a reason.
/// </summary>
public sealed class BillingPayment
{
    public long Id { get; set; }
    public required string AccountType { get; set; }
    public required string AccountId { get; set; }
    public long InvoiceId { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public required string PaymentMethod { get; set; }
    public string Status { get; set; } = BillingPaymentStatus.PendingApproval;
    public required string TransactionReference { get; set; }
    public string? Notes { get; set; }
    public string? FailureReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public BillingAccount Account => new(AccountType, AccountId);

    public void Approve(string admin, DateTimeOffset now)
    {
        if (Status != BillingPaymentStatus.PendingApproval) throw new InvalidOperationException("Only a payment pending approval can be approved.");
        Status = BillingPaymentStatus.Succeeded;
        DecidedBy = admin;
        UpdatedAt = now;
    }

    public void Decline(string reason, string admin, DateTimeOffset now)
    {
        if (Status != BillingPaymentStatus.PendingApproval) throw new InvalidOperationException("Only a payment pending approval can be declined.");
        Status = BillingPaymentStatus.Failed;
        FailureReason = reason;
        DecidedBy = admin;
        UpdatedAt = now;
    }
}

/// <summary>Seed 003's payment statuses.</summary>
public static class BillingPaymentStatus
{
    public const string Pending = "pending";
    public const string PendingApproval = "pending_approval";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Refunded = "refunded";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, PendingApproval, Processing, Succeeded, Completed, Failed, Refunded, Cancelled];
}
