using MassTransit;

namespace Payouts.Messaging.Inbox;

/// <summary>
/// The outbox-backed consume context of the delivery the transactional inbox is handling in this scope. MassTransit
/// creates the consumer (and resolves its injected IPublishEndpoint) before the inbox filter runs, so injected
/// endpoints look the target up at call time instead of capturing a context.
/// </summary>
internal sealed class InboxPublishTarget
{
    public ConsumeContext? Current { get; set; }
}
