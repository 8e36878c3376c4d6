using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Outbox;

namespace Payouts.Messaging.Inbox;

/// <summary>
/// The consume context a consumer or saga sees under the transactional inbox: everything it publishes or
/// sends (context.Publish, context.Send, saga activities, the scoped IPublishEndpoint) becomes an outbox row in
/// the consumer's DbContext and so commits, or rolls back, with the consumer's own changes.
/// </summary>
internal sealed class OutboxConsumeContext<TMessage> : ConsumeContextProxy<TMessage>, OutboxSendContext
    where TMessage : class
{
    readonly IServiceProvider _provider;
    readonly DbContextOutboxWriter _writer;

    public OutboxConsumeContext(ConsumeContext<TMessage> context, DbContext dbContext, IServiceProvider provider)
        : base(context)
    {
        _provider = provider;
        _writer = new DbContextOutboxWriter(dbContext);

        // MassTransit resolves publish/send endpoints through the receive context; point both at the outbox.
        var receiveContext = new OutboxReceiveContext(this, context.ReceiveContext);
        ReceiveContext = receiveContext;
        PublishEndpointProvider = receiveContext.PublishEndpointProvider;
    }

    public Task AddSend<T>(SendContext<T> context)
        where T : class =>
        _writer.Add(context);

    public object? GetService(Type serviceType) => _provider.GetService(serviceType);
}
