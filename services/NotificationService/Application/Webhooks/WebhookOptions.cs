namespace Payouts.NotificationService.Application.Webhooks;

/// <summary><c>Notifications:Webhooks:*</c>: how deliveries are attempted, retried and given up, and which local targets are allowed.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notifications:Webhooks";

    /// <summary>One attempt's whole time: connecting, sending and reading the (bounded) answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first retry's delay; each further one doubles it, up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long after an event (or a manual redelivery) attempts go on before the delivery is given up.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Failed attempts in a row (any delivery) after which the endpoint is disabled and its owner told.</summary>
    public int FailureThreshold { get; set; } = 20;

    /// <summary>How long the previous secret still signs after a rotation.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often an idle dispatcher looks for due deliveries (one indexed query), which bounds how long a new event waits
    /// for its first attempt; a busy one looks again as each attempt ends.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Attempts under way at once in one replica (one endpoint holds at most one of them).</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How much of a receiver's answer is read and kept (in the log's last error).</summary>
    public int MaxResponseBytes { get; set; } = 4096;

    /// <summary>
    /// <c>host</c> or <c>host:port</c> entries (as written in the URL) that may be loopback or private, and may be plain
    /// http: local receivers in Development and tests. Empty in production.
    /// </summary>
    public List<string> AllowedPrivateTargets { get; set; } = [];

    /// <summary>The delay before the attempt after <paramref name="attempts"/> failed ones: base × 2^(attempts−1), capped.</summary>
    public TimeSpan BackoffAfter(int attempts) => RetryBackoff.After(attempts, BackoffBase, BackoffCap);
}
