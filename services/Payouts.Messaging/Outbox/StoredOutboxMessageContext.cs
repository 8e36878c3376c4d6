using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace Payouts.Messaging.Outbox;

/// <summary>Presents a stored row to MassTransit's <see cref="OutboxMessageSendPipe"/> for re-sending.</summary>
internal sealed class StoredOutboxMessageContext : OutboxMessageContext
{
    static readonly IReadOnlyDictionary<string, object> NoProperties = new Dictionary<string, object>();

    readonly OutboxMessage _message;

    public StoredOutboxMessageContext(OutboxMessage message)
    {
        _message = message;
        var serializer = SystemTextJsonMessageSerializer.Instance;

        var headers = string.IsNullOrWhiteSpace(message.Headers)
            ? null
            : serializer.DeserializeObject<Dictionary<string, object?>>(message.Headers);
        Headers = headers is { Count: > 0 } ? new DictionarySendHeaders(headers!) : new DictionarySendHeaders();

        Properties = string.IsNullOrWhiteSpace(message.Properties)
            ? NoProperties
            : serializer.DeserializeObject<Dictionary<string, object>>(message.Properties) ?? NoProperties;

        DestinationAddress = new Uri(message.DestinationAddress);
    }

    public long SequenceNumber => _message.SequenceNumber;
    public Guid MessageId => _message.MessageId;
    public string ContentType => _message.ContentType;
    public string MessageType => _message.MessageType;
    public string Body => _message.Body;
    public IReadOnlyDictionary<string, object> Properties { get; }

    Guid? MessageContext.MessageId => _message.MessageId;
    public Guid? RequestId => _message.RequestId;
    public Guid? CorrelationId => _message.CorrelationId;
    public Guid? ConversationId => _message.ConversationId;
    public Guid? InitiatorId => _message.InitiatorId;
    public DateTime? ExpirationTime => _message.ExpirationTime;
    public Uri? SourceAddress => ToUri(_message.SourceAddress);
    public Uri DestinationAddress { get; }
    public Uri? ResponseAddress => ToUri(_message.ResponseAddress);
    public Uri? FaultAddress => ToUri(_message.FaultAddress);
    public DateTime? SentTime => _message.SentTime;
    public Headers Headers { get; }
    public HostInfo Host => HostMetadataCache.Host;

    static Uri? ToUri(string? value) => value is null ? null : new Uri(value);
}
