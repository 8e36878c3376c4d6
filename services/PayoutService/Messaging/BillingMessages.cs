using Payouts.Contracts.Billing;
using Payouts.Data;
using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Messaging;

/// <summary>The events an admin's decision on a manual payment causes, built from the payment and its invoice's number.</summary>
public static class BillingMessages
{
    public static ManualPaymentApproved Approved(BillingPayment payment, string invoiceNumber)
    {
        var (companyId, userId) = Owner(payment);
        return new(payment.Id, payment.InvoiceId, invoiceNumber, companyId, userId, payment.Amount, payment.Currency, payment.PaymentMethod,
            payment.TransactionReference, StoredTime.Of(payment.UpdatedAt));
    }

    public static ManualPaymentDeclined Declined(BillingPayment payment, string invoiceNumber)
    {
        var (companyId, userId) = Owner(payment);
        return new(payment.Id, payment.InvoiceId, invoiceNumber, companyId, userId, payment.Amount, payment.Currency, payment.PaymentMethod,
            payment.TransactionReference, payment.FailureReason ?? "", StoredTime.Of(payment.UpdatedAt));
    }

    /// <summary>The billing account as the events name it: a company, or an individual user (BillingAccount).</summary>
    private static (string? CompanyId, string? UserId) Owner(BillingPayment payment) =>
        payment.AccountType == LedgerOwnerType.Company ? (payment.AccountId, null) : (null, payment.AccountId);
}
