namespace Payouts.Messaging.Telemetry;

/// <summary>One reading of an outbox table: rows waiting and when the oldest of them was written (null when none wait).</summary>
internal sealed class OutboxBacklog
{
    public long Count { get; set; }
    public DateTime? OldestSentTime { get; set; }
}
