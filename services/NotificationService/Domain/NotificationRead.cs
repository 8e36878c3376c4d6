namespace Payouts.NotificationService.Domain;

/// <summary>
/// One reader's mark on a notification. Kept per user, not on the notification: a company's notification is every
/// member's, and one member reading it leaves it unread for the others.
/// </summary>
public sealed class NotificationRead
{
    public Guid NotificationId { get; init; }

    /// <summary>The reader, the token's <c>sub</c>.</summary>
    public required string UserId { get; init; }

    /// <summary>When the reader first marked it read; marking it again keeps this.</summary>
    public DateTimeOffset ReadAt { get; init; }
}
