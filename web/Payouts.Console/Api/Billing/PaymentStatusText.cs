namespace Payouts.Console.Api.Billing;

/// <summary>A billing payment's status as a company user reads it: seed 003's statuses in words, a decline with its reason.</summary>
public static class PaymentStatusText
{
    public static string Of(BillingPayment payment) => payment.Status switch
    {
        "pending_approval" => "Pending approval",
        "succeeded" or "completed" => "Approved",
        "failed" => payment.FailureReason is { Length: > 0 } reason ? $"Declined: {reason}" : "Declined",
        "pending" => "Pending",
        "processing" => "Processing",
        "refunded" => "Refunded",
        "cancelled" => "Cancelled",
        var other => other,
    };

    /// <summary>The invoice has a payment an admin has yet to decide on: another would be refused.</summary>
    public static bool AwaitsApproval(Invoice invoice, IEnumerable<BillingPayment> payments) =>
        payments.Any(p => p.InvoiceId == invoice.Id && p.Status == "pending_approval");
}
