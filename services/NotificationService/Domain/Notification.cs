namespace Payouts.NotificationService.Domain;

/// <summary>
/// One in-app notification: a platform event told to the user it concerns (<see cref="UserId"/>), or, when it concerns
/// a company as a whole (a batch), to every member of <see cref="CompanyId"/> (<see cref="UserId"/> null).
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    /// <summary>The user it is for; null for a company's notification.</summary>
    public string? UserId { get; init; }

    /// <summary>The company the event concerns, when it names one; a company's notification is every member's.</summary>
    public string? CompanyId { get; init; }

    /// <summary>A <see cref="NotificationTypes"/> name, e.g. <c>payout.completed</c>.</summary>
    public required string Type { get; init; }

    /// <summary>One short sentence for people; never a full account number (only masked ones, as the events carry them).</summary>
    public required string Message { get; init; }

    /// <summary>What the event is about: <c>payout</c>, <c>bank_account</c> or <c>batch</c>.</summary>
    public required string ObjectType { get; init; }

    /// <summary>That object's id as its own service shows it (a payout's or batch's uuid, a bank account's number).</summary>
    public required string ObjectId { get; init; }

    public string? Reference { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    /// <summary>When the event happened (the event's own time), which orders the list.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
