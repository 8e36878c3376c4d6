namespace Payouts.NotificationService.Domain;

/// <summary>
/// A receiver a user or a company registered: where to post which event types, signed with its secret. Secrets are
/// kept encrypted (the service's <c>FieldEncryptor</c>); the previous one stays valid until <see cref="PreviousSecretExpiresAt"/>.
/// </summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; init; }

    /// <summary><see cref="WebhookOwners"/>: a company's endpoint receives its company's events, a user's their own.</summary>
    public required string OwnerKind { get; init; }

    /// <summary>The token's <c>company_id</c> or <c>sub</c>.</summary>
    public required string OwnerId { get; init; }

    public required string Url { get; set; }

    /// <summary>The <see cref="NotificationTypes"/> names it wants.</summary>
    public required List<string> EventTypes { get; set; }

    public required string EncryptedSecret { get; set; }

    public string? EncryptedPreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Why it was disabled (the run of failures, with the last one), null while enabled.</summary>
    public string? DisabledReason { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Wants(string eventType) => Enabled && EventTypes.Contains(eventType);

    /// <summary>A new secret becomes current; the current one stays valid until <paramref name="previousExpiresAt"/>.</summary>
    public void Rotate(string encryptedSecret, DateTimeOffset previousExpiresAt, DateTimeOffset now)
    {
        EncryptedPreviousSecret = EncryptedSecret;
        PreviousSecretExpiresAt = previousExpiresAt;
        EncryptedSecret = encryptedSecret;
        UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        Enabled = true;
        DisabledReason = null;
        ConsecutiveFailures = 0;
        UpdatedAt = now;
    }

    public void RecordSuccess() => ConsecutiveFailures = 0;

    /// <summary>Counts a failed attempt; true when it is the one that reaches <paramref name="threshold"/> and disables the endpoint.</summary>
    public bool RecordFailure(int threshold, string error, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (!Enabled || ConsecutiveFailures < threshold) return false;
        Enabled = false;
        DisabledReason = $"Disabled after {ConsecutiveFailures} consecutive failed deliveries; the last: {error}";
        UpdatedAt = now;
        return true;
    }
}

public static class WebhookOwners
{
    public const string User = "user";
    public const string Company = "company";
}
