namespace Payouts.NotificationService.Domain;

/// <summary>
/// A user's choice for one notification type's email. Only choices made are stored; a type without a row mails them
/// (every type is on by default).
/// </summary>
public sealed class EmailPreference
{
    public required string UserId { get; init; }

    public required string EventType { get; init; }

    public bool Email { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
