using MassTransit;
using MassTransit.Middleware;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Restores a stored message onto the outgoing SendContext (MassTransit's own outbox pipe copies body, ids
/// and headers) and re-applies a scheduling delay, which that pipe does not carry.
/// </summary>
internal sealed class StoredMessageSendPipe(StoredOutboxMessageContext message, DateTime? enqueueTime) : IPipe<SendContext>
{
    readonly OutboxMessageSendPipe _restore = new(message, message.DestinationAddress);

    public async Task Send(SendContext context)
    {
        await _restore.Send(context).ConfigureAwait(false);

        if (enqueueTime is { } due && due > DateTime.UtcNow)
            context.Delay = due - DateTime.UtcNow;
    }

    public void Probe(ProbeContext context) => _restore.Probe(context);
}
