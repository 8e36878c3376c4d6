using System.Globalization;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Batches;
using Payouts.Contracts.Billing;
using Payouts.Contracts.Payouts;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Json;

namespace Payouts.NotificationService.Application;

/// <summary>
/// The one place an incoming event becomes a <see cref="NotifiableEvent"/>: whom it concerns and the sentence they read.
/// Amounts, currencies and references where the event carries them; destinations only as masked numbers. Null when
/// the event concerns nobody to tell. A payout's later events name no company; the consumer passes the one its
/// <c>PayoutRequested</c> named (<see cref="KnownPayout"/>), for the company's webhooks.
/// </summary>
public static class NotifiableEvents
{
    /// <summary>
    /// The user id PayoutService gives a bulk batch's payouts (they have no requesting user): their company follows the
    /// batch instead, so its payouts are not told one by one.
    /// </summary>
    public const string NoRequestingUser = "0";

    public static NotifiableEvent? Of(PayoutRequested e, KnownBankAccount? destination) => e.UserId == NoRequestingUser ? null
        : Payout(e.UserId, e.CompanyId, NotificationTypes.PayoutRequested, e.PayoutId, e.Reference, e.Amount, e.Currency, e.RequestedAt,
            $"Your payout {e.Reference} of {Amount(e.Amount, e.Currency)}{To(destination)} was requested.");

    public static NotifiableEvent? Of(PayoutProcessingStarted e, KnownBankAccount? destination, string? companyId = null) => e.UserId == NoRequestingUser ? null
        : Payout(e.UserId, companyId, NotificationTypes.PayoutProcessing, e.PayoutId, e.Reference, e.Amount, e.Currency, e.StartedAt,
            $"Your payout {e.Reference} of {Amount(e.Amount, e.Currency)} is being sent{To(destination)}.");

    /// <summary>The amount told is what reached the user: the net amount, after fees; and where it went, masked, when known.</summary>
    public static NotifiableEvent? Of(PayoutCompleted e, string? companyId = null, KnownBankAccount? destination = null) => e.UserId == NoRequestingUser ? null
        : Payout(e.UserId, companyId, NotificationTypes.PayoutCompleted, e.PayoutId, e.Reference, e.NetAmount, e.Currency, e.CompletedAt,
            $"Your payout {e.Reference} of {Amount(e.NetAmount, e.Currency)} was paid{To(destination)}.");

    public static NotifiableEvent? Of(PayoutFailed e, string? companyId = null) => e.UserId == NoRequestingUser ? null
        : Payout(e.UserId, companyId, NotificationTypes.PayoutFailed, e.PayoutId, e.Reference, null, null, e.FailedAt,
            $"Your payout {e.Reference} could not be paid: {e.Reason}. Its amount is available again.");

    public static NotifiableEvent? Of(PayoutRejected e, string? companyId = null) => e.UserId == NoRequestingUser ? null
        : Payout(e.UserId, companyId, NotificationTypes.PayoutRejected, e.PayoutId, e.Reference, null, null, e.RejectedAt,
            $"Your payout {e.Reference} was rejected: {e.Reason}. Its amount is available again.");

    public static NotifiableEvent? Of(PayoutCancelled e, string? companyId = null) => e.UserId == NoRequestingUser ? null
        : Payout(e.UserId, companyId, NotificationTypes.PayoutCancelled, e.PayoutId, e.Reference, null, null, e.CancelledAt,
            $"Your payout {e.Reference} was cancelled: {e.Reason}. Its amount is available again.");

    /// <summary>A batch is its company's: every member is told.</summary>
    public static NotifiableEvent Of(BatchApproved e) => new(
        Audience.Company(e.CompanyId), NotificationTypes.BatchApproved,
        $"Batch {e.PaymentReference} of {Amount(e.Total, e.Currency)} to {Recipients(e.Recipients.Count)} was approved.",
        NotificationObjects.Batch, e.BatchId.ToString(), e.ApprovedAt, e.PaymentReference, e.Total, e.Currency);

    public static NotifiableEvent Of(BatchMarkedReady e) => new(
        Audience.Company(e.CompanyId), NotificationTypes.BatchReady,
        $"Batch {e.PaymentReference} of {Amount(e.Total, e.Currency)} to {Recipients(e.RecipientCount)} is ready for approval.",
        NotificationObjects.Batch, e.BatchId.ToString(), e.MarkedReadyAt, e.PaymentReference, e.Total, e.Currency, "ready");

    /// <summary>Either end of an approved batch: what was paid, and what was not (its share is back in the wallet, or was never held).</summary>
    public static NotifiableEvent Of(BatchFinished e) => new(
        Audience.Company(e.CompanyId), NotificationTypes.BatchCompleted, BatchEnd(e),
        NotificationObjects.Batch, e.BatchId.ToString(), e.FinishedAt, e.PaymentReference, e.Total, e.Currency, e.Status);

    /// <summary>A billing account is a company (every member is told) or an individual user.</summary>
    public static NotifiableEvent Of(ManualPaymentApproved e) => Payment(
        e.CompanyId, e.UserId, NotificationTypes.ManualPaymentApproved, e.PaymentId, e.InvoiceNumber, e.Amount, e.Currency, e.ApprovedAt, "succeeded",
        $"Your payment of {Amount(e.Amount, e.Currency)} for invoice {e.InvoiceNumber} was approved: the amount was added to "
        + (e.CompanyId is null ? "your balance." : "the company wallet."));

    public static NotifiableEvent Of(ManualPaymentDeclined e) => Payment(
        e.CompanyId, e.UserId, NotificationTypes.ManualPaymentDeclined, e.PaymentId, e.InvoiceNumber, e.Amount, e.Currency, e.DeclinedAt, "failed",
        $"Your payment of {Amount(e.Amount, e.Currency)} for invoice {e.InvoiceNumber} was declined: {e.Reason.TrimEnd('.')}. The invoice is still unpaid.");

    public static NotifiableEvent Of(BankAccountAdded e) => BankAccount(
        Audience.User(e.UserId, e.CompanyId), NotificationTypes.BankAccountAdded, e.BankAccountId, e.AddedAt,
        $"Bank account {Label(e.BankName, e.MaskedAccountNumber)} was added.");

    public static NotifiableEvent Of(BankAccountVerified e, KnownBankAccount? account) => BankAccount(
        Audience.User(e.UserId, account?.CompanyId), NotificationTypes.BankAccountVerified, e.BankAccountId, e.VerifiedAt,
        (account is null ? "Your bank account" : $"Bank account {account.Label}") + " is verified: payouts can be sent to it.");

    /// <summary>This round of deposits can no longer verify the account; the message says whether submitting it again helps.</summary>
    public static NotifiableEvent Of(BankAccountVerificationFailed e, KnownBankAccount? account) => BankAccount(
        Audience.User(e.UserId, account?.CompanyId), NotificationTypes.BankAccountVerificationFailed, e.BankAccountId, e.FailedAt,
        $"Verification of {(account is null ? "your bank account" : account.Label)} failed: the deposit amounts "
        + (e.Status == "expired" ? "were not confirmed in time." : "were entered wrong too many times.")
        + (e.NewDepositsAvailable ? " Submit the account again to get new deposits." : " No more deposits can be sent to it; contact support."),
        e.Status);

    public static NotifiableEvent Of(MicroDepositsSent e, KnownBankAccount account) => BankAccount(
        Audience.User(account.UserId, account.CompanyId), NotificationTypes.MicroDepositsSent, e.BankAccountId, e.SentAt,
        $"Two small deposits were sent to {account.Label}: confirm their amounts to verify the account.");

    /// <summary>The provider's reason is its free text, not for users: the message says what to do instead.</summary>
    public static NotifiableEvent Of(MicroDepositsFailed e, KnownBankAccount account) => BankAccount(
        Audience.User(account.UserId, account.CompanyId), NotificationTypes.MicroDepositsFailed, e.BankAccountId, e.FailedAt,
        $"The verification deposits to {account.Label} could not be made. Check the account's details and start the verification again.");

    private static NotifiableEvent Payout(string userId, string? companyId, string type, Guid payoutId, string reference, decimal? amount, string? currency,
        DateTimeOffset at, string message) =>
        new(Audience.User(userId, companyId), type, message, NotificationObjects.Payout, payoutId.ToString(), at, reference, amount, currency);

    private static NotifiableEvent BankAccount(Audience audience, string type, long bankAccountId, DateTimeOffset at, string message, string? status = null) =>
        new(audience, type, message, NotificationObjects.BankAccount, bankAccountId.ToString(CultureInfo.InvariantCulture), at, Status: status);

    private static NotifiableEvent Payment(string? companyId, string? userId, string type, long paymentId, string invoiceNumber, decimal amount,
        string currency, DateTimeOffset at, string status, string message) =>
        new(companyId is not null ? Audience.Company(companyId) : Audience.User(userId!), type, message, NotificationObjects.Payment,
            paymentId.ToString(CultureInfo.InvariantCulture), at, invoiceNumber, amount, currency, status);

    private static string BatchEnd(BatchFinished e)
    {
        var recipients = e.PaidCount + e.FailedCount;
        if (e.Status == BatchEndStatus.Failed)
        {
            return $"Batch {e.PaymentReference} of {Amount(e.Total, e.Currency)} failed: "
                + (e.FailureReason is { } reason ? $"{reason.TrimEnd('.')}. Nothing was paid."
                    : (recipients == 1 ? "its recipient could not be paid." : $"none of its {recipients} recipients could be paid.")
                    + " Its amount is back in the wallet.");
        }

        var paid = $"Batch {e.PaymentReference} completed: {e.PaidCount} of {Recipients(recipients)} paid, {Amount(e.PaidAmount, e.Currency)}.";
        return e.FailedCount == 0 ? paid
            : $"{paid} {e.FailedCount} could not be paid; {Amount(e.FailedAmount, e.Currency)} is back in the wallet.";
    }

    private static string Amount(decimal amount, string currency) => $"{Money.Format(amount)} {currency}";

    private static string To(KnownBankAccount? destination) => destination is null ? "" : $" to {destination.Label}";

    private static string Label(string bankName, string maskedAccountNumber) => $"{bankName} {maskedAccountNumber}".Trim();

    private static string Recipients(int count) => count == 1 ? "1 recipient" : $"{count} recipients";
}
