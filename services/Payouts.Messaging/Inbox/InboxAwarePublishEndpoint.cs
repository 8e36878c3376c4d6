using MassTransit;

namespace Payouts.Messaging.Inbox;

/// <summary>
/// The IPublishEndpoint / ISendEndpointProvider injected into a consumer: while the transactional inbox handles the
/// delivery it forwards to the inbox's outbox-backed context (so messages commit or roll back with the consumer's
/// changes), otherwise to the plain consume context.
/// </summary>
internal sealed class InboxAwarePublishEndpoint(ConsumeContext consumeContext, InboxPublishTarget target)
    : IPublishEndpoint, ISendEndpointProvider
{
    ConsumeContext Target => target.Current ?? consumeContext;

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => Target.ConnectPublishObserver(observer);

    public ConnectHandle ConnectSendObserver(ISendObserver observer) => Target.ConnectSendObserver(observer);

    public Task<ISendEndpoint> GetSendEndpoint(Uri address) => Target.GetSendEndpoint(address);

    public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class =>
        Target.Publish(message, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Target.Publish(message, publishPipe, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Target.Publish(message, publishPipe, cancellationToken);

    public Task Publish(object message, CancellationToken cancellationToken = default) =>
        Target.Publish(message, cancellationToken);

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Target.Publish(message, publishPipe, cancellationToken);

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) =>
        Target.Publish(message, messageType, cancellationToken);

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Target.Publish(message, messageType, publishPipe, cancellationToken);

    public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class =>
        Target.Publish<T>(values, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Target.Publish(values, publishPipe, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Target.Publish<T>(values, publishPipe, cancellationToken);
}
