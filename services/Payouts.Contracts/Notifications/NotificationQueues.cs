namespace Payouts.Contracts.Notifications;

/// <summary>
/// The queues NotificationService reads, one per publishing service (PayoutService's billing events on one of their
/// own), each bound to the events it turns into notifications. Named once here, like every queue, so renaming a consumer cannot move its queue.
/// </summary>
public static class NotificationQueues
{
    /// <summary>PayoutService's <c>Payout*</c> events (requested, processing started, completed, failed, rejected, cancelled).</summary>
    public const string PayoutEvents = "notifications-payout-events";

    /// <summary>BankAccountService's account events (verification failures included) and settlement's micro-deposit outcomes.</summary>
    public const string BankAccountEvents = "notifications-bank-account-events";

    /// <summary>BatchService's batch events (<c>BatchMarkedReady</c>, <c>BatchApproved</c>, <c>BatchFinished</c>).</summary>
    public const string BatchEvents = "notifications-batch-events";

    /// <summary>PayoutService's billing events (<c>ManualPaymentApproved</c>, <c>ManualPaymentDeclined</c>).</summary>
    public const string BillingEvents = "notifications-billing-events";

    /// <summary>PayoutService's queue for NotificationService's <c>GetNotificationRecipients</c> requests (who to mail).</summary>
    public const string RecipientQueries = "notification-recipient-queries";
}
