namespace Payouts.Messaging.Telemetry;

/// <summary>
/// Names of the messaging meter and its instruments. Every service that uses the outbox or calls
/// <c>AddQueueDepthMetrics</c> reports them; the service itself is the OpenTelemetry resource (<c>service.name</c>).
/// </summary>
public static class MessagingMetrics
{
    public const string MeterName = "Payouts.Messaging";

    /// <summary>Rows in the outbox table not yet confirmed by the broker.</summary>
    public const string OutboxBacklog = "payouts.outbox.backlog";

    /// <summary>Seconds since the oldest waiting outbox row was written; 0 when the outbox is empty.</summary>
    public const string OutboxOldestAge = "payouts.outbox.oldest_age";

    /// <summary>Ready messages in a receive endpoint's queue.</summary>
    public const string QueueDepth = "payouts.queue.depth";

    /// <summary>Ready messages in a receive endpoint's <c>_error</c> queue.</summary>
    public const string QueueErrorDepth = "payouts.queue.error_depth";

    /// <summary>Tag naming the receive endpoint's queue (also on the error-queue gauge, without <c>_error</c>).</summary>
    public const string QueueTag = "queue";

    /// <summary>How long a gauge's reading is served before the source is read again (the exporter asks every second).</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromSeconds(5);
}
