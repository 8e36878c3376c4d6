namespace Payouts.NotificationService.Domain;

/// <summary>
/// One event for one endpoint: the payload as first built (every attempt sends the same bytes and event id), and how
/// its delivery went. At most one per endpoint and event.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }

    public Guid EndpointId { get; init; }

    /// <summary>The event's id, the same on every attempt and for every endpoint: receivers de-duplicate by it.</summary>
    public Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required string Payload { get; init; }

    public string Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>When it is next due; while an attempt is under way, when its lease ends (then it is due again).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>After this no further attempt is made (the configured horizon from creation or from a manual redelivery).</summary>
    public DateTimeOffset GiveUpAt { get; set; }

    public int? LastResponseCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public void Succeeded(int statusCode, DateTimeOffset at)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Succeeded;
        LastResponseCode = statusCode;
        LastError = null;
        LastAttemptAt = at;
    }

    /// <summary>A failed attempt: due again after <paramref name="retryAfter"/>, or given up when that is past the horizon.</summary>
    public void Failed(int? statusCode, string error, DateTimeOffset at, TimeSpan retryAfter)
    {
        Attempts++;
        LastResponseCode = statusCode;
        LastError = error;
        LastAttemptAt = at;
        var next = at + retryAfter;
        if (next > GiveUpAt) Status = WebhookDeliveryStatus.Failed;
        else NextAttemptAt = next;
    }

    /// <summary>Sent again from now, with a fresh horizon, whatever came of it before; same event id and payload.</summary>
    public void Redeliver(DateTimeOffset now, TimeSpan horizon)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        GiveUpAt = now + horizon;
    }
}

public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";

    /// <summary>Given up: the horizon passed without a 2xx.</summary>
    public const string Failed = "failed";
}
