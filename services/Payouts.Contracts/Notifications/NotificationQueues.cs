namespace Payouts.Contracts.Notifications;

/// <summary>
/// The queues NotificationService reads, one per publishing service, each bound to the events it turns into
/// notifications. Named once here, like every queue, so renaming a consumer cannot move its queue.
/// </summary>
public static class NotificationQueues
{
    /// <summary>PayoutService's <c>Payout*</c> events (requested, processing started, completed, failed, rejected, cancelled).</summary>
    public const string PayoutEvents = "notifications-payout-events";

    /// <summary>BankAccountService's account events and settlement's micro-deposit outcomes.</summary>
    public const string BankAccountEvents = "notifications-bank-account-events";

    /// <summary>BatchService's batch events (<c>BatchApproved</c>).</summary>
    public const string BatchEvents = "notifications-batch-events";

    /// <summary>PayoutService's queue for NotificationService's <c>GetNotificationRecipients</c> requests (who to mail).</summary>
    public const string RecipientQueries = "notification-recipient-queries";
}
