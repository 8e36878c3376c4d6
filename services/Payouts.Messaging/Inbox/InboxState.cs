namespace Payouts.Messaging.Inbox;

/// <summary>
/// One row per (message, consumer) whose effect has been committed. Inserted in the consumer's transaction,
/// so a redelivered message finds it and is acknowledged without running the consumer again.
/// </summary>
public sealed class InboxState
{
    public Guid MessageId { get; set; }

    /// <summary>The consumer or saga type that handled the message.</summary>
    public required string ConsumerId { get; set; }

    public DateTime ReceivedAt { get; set; }
}
