using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Transports;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// The scoped bus context outside a consumer (an HTTP request, a background job): the scoped
/// <see cref="IPublishEndpoint"/> and <see cref="ISendEndpointProvider"/> write to the outbox in
/// <typeparamref name="TDbContext"/> instead of to the broker. Request clients are not transactional and go
/// to the bus as usual.
/// </summary>
internal sealed class OutboxScopedBusContext<TDbContext>(IBus bus, TDbContext dbContext, ScopedBusContext busContext, IServiceProvider provider)
    : ScopedBusContext, OutboxSendContext
    where TDbContext : DbContext
{
    readonly DbContextOutboxWriter _writer = new(dbContext);
    IPublishEndpoint? _publishEndpoint;
    ISendEndpointProvider? _sendEndpointProvider;

    public IPublishEndpoint PublishEndpoint =>
        _publishEndpoint ??= new PublishEndpoint(new OutboxPublishEndpointProvider(this, bus));

    public ISendEndpointProvider SendEndpointProvider =>
        _sendEndpointProvider ??= new OutboxSendEndpointProvider(this, bus);

    public IScopedClientFactory ClientFactory => busContext.ClientFactory;

    public Task AddSend<T>(SendContext<T> context)
        where T : class =>
        _writer.Add(context);

    public object? GetService(Type serviceType) => provider.GetService(serviceType);
}
