namespace Payouts.NotificationService.Domain;

/// <summary>The stable names of notifications, <c>object.event</c>: clients filter and word them by these.</summary>
public static class NotificationTypes
{
    public const string PayoutRequested = "payout.requested";
    public const string PayoutProcessing = "payout.processing";
    public const string PayoutCompleted = "payout.completed";
    public const string PayoutFailed = "payout.failed";
    public const string PayoutRejected = "payout.rejected";
    public const string PayoutCancelled = "payout.cancelled";
    public const string BatchReady = "batch.ready";
    public const string BatchApproved = "batch.approved";

    /// <summary>An approved batch ended, <c>completed</c> or <c>failed</c> (the webhook's <c>status</c> says which).</summary>
    public const string BatchCompleted = "batch.completed";
    public const string ManualPaymentApproved = "manual_payment.approved";
    public const string ManualPaymentDeclined = "manual_payment.declined";
    public const string BankAccountAdded = "bank_account.added";
    public const string BankAccountVerified = "bank_account.verified";
    public const string BankAccountVerificationFailed = "bank_account.verification_failed";
    public const string MicroDepositsSent = "bank_account.micro_deposits_sent";
    public const string MicroDepositsFailed = "bank_account.micro_deposits_failed";

    /// <summary>Told to a webhook's owner when its endpoint is disabled after a run of failures (in-app only).</summary>
    public const string WebhookDisabled = "webhook.disabled";

    /// <summary>The event types a webhook endpoint may subscribe to: every platform event told.</summary>
    public static readonly IReadOnlyList<string> Subscribable =
    [
        PayoutRequested, PayoutProcessing, PayoutCompleted, PayoutFailed, PayoutRejected, PayoutCancelled, BatchReady, BatchApproved,
        BatchCompleted, ManualPaymentApproved, ManualPaymentDeclined, BankAccountAdded, BankAccountVerified, BankAccountVerificationFailed,
        MicroDepositsSent, MicroDepositsFailed,
    ];
}

/// <summary>What a notification is about (<see cref="Notification.ObjectType"/>).</summary>
public static class NotificationObjects
{
    public const string Payout = "payout";
    public const string BankAccount = "bank_account";
    public const string Batch = "batch";

    /// <summary>A billing payment (seed 003 calls it <c>payment</c>), e.g. a manual payment an admin decided on.</summary>
    public const string Payment = "payment";
    public const string WebhookEndpoint = "webhook_endpoint";
}
