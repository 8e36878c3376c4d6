using MassTransit;
using MassTransit.Context;
using MassTransit.Serialization;

namespace Payouts.Messaging.Outbox;

/// <summary>Turns the SendContext MassTransit built for a publish/send into an outbox row.</summary>
internal static class OutboxMessageFactory
{
    public static OutboxMessage Create<T>(SendContext<T> context)
        where T : class
    {
        if (context.MessageId is not Guid messageId)
            throw new InvalidOperationException($"A {typeof(T).Name} sent through the outbox has no MessageId.");

        if (context.DestinationAddress is null)
            throw new InvalidOperationException($"A {typeof(T).Name} sent through the outbox has no destination address.");

        var now = DateTime.UtcNow;
        var body = context.Serializer.GetMessageBody(context);
        var serializer = SystemTextJsonMessageSerializer.Instance;

        var message = new OutboxMessage
        {
            MessageId = messageId,
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress?.ToString(),
            DestinationAddress = context.DestinationAddress.ToString(),
            ResponseAddress = context.ResponseAddress?.ToString(),
            FaultAddress = context.FaultAddress?.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            ContentType = (context.ContentType ?? context.Serializer.ContentType).ToString(),
            Body = body.GetString(),
            Headers = serializer.SerializeDictionary(context.Headers.GetAll()),
            SentTime = Utc(context.SentTime) ?? now,
            EnqueueTime = context.Delay is { } delay ? now + delay : null,
            ExpirationTime = context.TimeToLive is { } ttl ? now + ttl : null,
        };

        if (context is TransportSendContext<T> transportContext)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transportContext.WritePropertiesTo(properties);
            if (properties.Count > 0)
                message.Properties = serializer.SerializeDictionary(properties);
        }

        return message;
    }

    static DateTime? Utc(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc) : null;
}
