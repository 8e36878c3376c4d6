namespace Payouts.NotificationService.Domain;

/// <summary>
/// One recipient's copy of an <see cref="EmailMessage"/>, recorded as soon as the SMTP server accepted it: a later
/// attempt skips them. At most one per message and user.
/// </summary>
public sealed class EmailSend
{
    public Guid EmailMessageId { get; init; }

    public required string UserId { get; init; }

    /// <summary>The address it went to (from PayoutService's directory at send time), for support's questions.</summary>
    public required string Email { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
