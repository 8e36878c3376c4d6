namespace Payouts.NotificationService.Domain;

/// <summary>
/// The email outbox: one row per notified event (its audience: the user, or every member of the company), added with
/// the in-app notification in the inbox's transaction and sent later by the dispatcher. Recipients are resolved at send
/// time; each one's send is recorded (<see cref="EmailSend"/>), so a retry after a partial send mails only the rest.
/// </summary>
public sealed class EmailMessage
{
    public Guid Id { get; init; }

    /// <summary>The in-app notification it mails (its type, message, amount and reference), the event's id.</summary>
    public Guid NotificationId { get; init; }

    public string Status { get; set; } = EmailMessageStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>When it is next due; while an attempt is under way, when its lease ends (then it is due again).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>After this no further attempt is made: the configured horizon from creation.</summary>
    public DateTimeOffset GiveUpAt { get; init; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the last recipient's mail was accepted by the SMTP server.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Every recipient has it (or none wants it).</summary>
    public void Sent(DateTimeOffset at)
    {
        Attempts++;
        Status = EmailMessageStatus.Sent;
        LastError = null;
        LastAttemptAt = at;
        SentAt = at;
    }

    /// <summary>A failed attempt: due again after <paramref name="retryAfter"/>, or given up when that is past the horizon.</summary>
    public void Failed(string error, DateTimeOffset at, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        LastAttemptAt = at;
        var next = at + retryAfter;
        if (next > GiveUpAt) Status = EmailMessageStatus.Failed;
        else NextAttemptAt = next;
    }
}

public static class EmailMessageStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>Given up: the horizon passed before every recipient had it.</summary>
    public const string Failed = "failed";
}
