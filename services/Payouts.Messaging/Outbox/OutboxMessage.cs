namespace Payouts.Messaging.Outbox;

/// <summary>
/// A message captured by the transactional outbox. It is written by the same SaveChanges/transaction as the
/// state change that caused it and deleted by <see cref="OutboxDispatcher{TDbContext}"/> once the broker has
/// confirmed it. The body is the envelope MassTransit serialized at capture time, so the consumer receives
/// exactly what a direct publish would have produced (same MessageId, ids, headers).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Database-assigned, strictly increasing: the delivery order.</summary>
    public long SequenceNumber { get; set; }

    public Guid MessageId { get; set; }
    public Guid? ConversationId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? InitiatorId { get; set; }
    public Guid? RequestId { get; set; }

    public string? SourceAddress { get; set; }

    /// <summary>Queue address for a send, message-type exchange address for a publish.</summary>
    public required string DestinationAddress { get; set; }

    public string? ResponseAddress { get; set; }
    public string? FaultAddress { get; set; }

    /// <summary>MassTransit message type URNs, ';'-separated.</summary>
    public required string MessageType { get; set; }

    public required string ContentType { get; set; }
    public required string Body { get; set; }

    /// <summary>Message headers as a JSON object.</summary>
    public string? Headers { get; set; }

    /// <summary>Transport properties (routing key, etc.) as a JSON object.</summary>
    public string? Properties { get; set; }

    public DateTime SentTime { get; set; }

    /// <summary>When set, the broker is asked to delay the message until then (scheduled messages).</summary>
    public DateTime? EnqueueTime { get; set; }

    public DateTime? ExpirationTime { get; set; }

    /// <summary>Failed delivery attempts so far; for operators, delivery itself never gives up.</summary>
    public int DeliveryAttempts { get; set; }

    /// <summary>Last delivery error (exception type and message, never the body).</summary>
    public string? LastError { get; set; }
}
