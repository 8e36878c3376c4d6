using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Batches;
using Payouts.Contracts.Billing;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>The platform's events as their services publish them, with plausible values.</summary>
public static class Events
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static PayoutRequested Requested(string userId, Guid payoutId, string reference, long? bankAccountId = null, string? companyId = null,
        DateTimeOffset? at = null) =>
        new(payoutId, 501, reference, userId, companyId, 250.50m, 2.50m, 248m, "USD", "bank_transfer",
            bankAccountId is null ? null : DestinationKind.BankAccount, bankAccountId, at ?? Start);

    public static PayoutProcessingStarted Processing(string userId, Guid payoutId, string reference, long bankAccountId, DateTimeOffset? at = null) =>
        new(payoutId, 501, reference, userId, 250.50m, 248m, "USD", "bank_transfer", DestinationKind.BankAccount, bankAccountId, "9001",
            at ?? Start.AddMinutes(1));

    public static PayoutCompleted Completed(string userId, Guid payoutId, string reference, DateTimeOffset? at = null, string? companyId = null,
        long? bankAccountId = null) =>
        new(payoutId, 501, reference, userId, 250.50m, 248m, "USD", "TXN-1", at ?? Start.AddMinutes(2), companyId,
            bankAccountId is null ? null : DestinationKind.BankAccount, bankAccountId);

    public static PayoutFailed Failed(string userId, Guid payoutId, string reference, DateTimeOffset? at = null) =>
        new(payoutId, 502, reference, userId, "account_closed", "The account is closed", at ?? Start.AddMinutes(3));

    public static PayoutRejected Rejected(string userId, Guid payoutId, string reference, DateTimeOffset? at = null) =>
        new(payoutId, 503, reference, userId, "Suspicious activity", "9001", at ?? Start.AddMinutes(4));

    public static PayoutCancelled Cancelled(string userId, Guid payoutId, string reference, DateTimeOffset? at = null) =>
        new(payoutId, 504, reference, userId, "Cancelled by user", at ?? Start.AddMinutes(5));

    public static BankAccountAdded AccountAdded(string userId, long bankAccountId, string? companyId = null, DateTimeOffset? at = null) =>
        new(bankAccountId, Guid.NewGuid(), userId, companyId, "Chase", "****6789", "checking", "USD", "US", IsPrimary: true, Verified: false,
            at ?? Start.AddMinutes(-10), "bank_transfer", "Jane Doe", "****0021", null);

    public static BatchApproved BatchApproved(string companyId, Guid batchId, string reference, DateTimeOffset? at = null) =>
        new(batchId, companyId, reference, 1500m, "USD",
            [new ApprovedRecipient(Guid.NewGuid(), "a@example.com", 1000m, null), new ApprovedRecipient(Guid.NewGuid(), "b@example.com", 500m, "May")],
            "4242", at ?? Start.AddMinutes(6));

    public static BatchMarkedReady BatchReady(string companyId, Guid batchId, string reference, DateTimeOffset? at = null) =>
        new(batchId, companyId, reference, 1500m, "USD", 2, at ?? Start.AddMinutes(5));

    /// <summary>Two of three recipients paid, one failed.</summary>
    public static BatchFinished BatchCompleted(string companyId, Guid batchId, string reference, DateTimeOffset? at = null) =>
        new(batchId, companyId, reference, BatchEndStatus.Completed, 1800m, "USD", 2, 1500m, 1, 300m, null, at ?? Start.AddMinutes(9));

    public static ManualPaymentApproved PaymentApproved(long paymentId, string? companyId, string? userId, DateTimeOffset? at = null) =>
        new(paymentId, paymentId + 1, "INV-2026-0042", companyId, userId, 2500m, "USD", "bank_transfer", "WIRE-77", at ?? Start.AddMinutes(7));

    public static ManualPaymentDeclined PaymentDeclined(long paymentId, string? companyId, string? userId, DateTimeOffset? at = null) =>
        new(paymentId, paymentId + 1, "INV-2026-0043", companyId, userId, 100.50m, "USD", "bank_transfer", "WIRE-78", "No matching bank credit",
            at ?? Start.AddMinutes(8));

    public static BankAccountVerificationFailed VerificationFailed(string userId, long bankAccountId, string status = "verification_failed",
        bool newDeposits = true, DateTimeOffset? at = null) =>
        new(bankAccountId, Guid.NewGuid(), userId, Guid.NewGuid(), status, newDeposits, at ?? Start.AddMinutes(4));
}
