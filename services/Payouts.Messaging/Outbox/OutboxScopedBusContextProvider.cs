using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Messaging.Inbox;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Replaces MassTransit's scoped bus context provider. Inside a consumer the scoped publish/send endpoints
/// follow the current delivery: the inbox's outbox-backed context while the inbox handles it, else the consume context;
/// anywhere else they are <see cref="OutboxScopedBusContext{TDbContext}"/>.
/// </summary>
internal sealed class OutboxScopedBusContextProvider<TDbContext> : IScopedBusContextProvider<IBus>
    where TDbContext : DbContext
{
    readonly Lazy<ScopedBusContext> _context;

    public OutboxScopedBusContextProvider(IBus bus, IClientFactory clientFactory, IScopedConsumeContextProvider consumeContextProvider,
        IServiceProvider provider)
    {
        _context = new Lazy<ScopedBusContext>(() =>
        {
            if (consumeContextProvider.HasContext)
                return new InboxAwareScopedBusContext(consumeContextProvider.GetContext(), provider.GetRequiredService<InboxPublishTarget>(), clientFactory);

            var defaultContext = new BusScopedBusContext<IBus>(bus, clientFactory, provider);
            return new OutboxScopedBusContext<TDbContext>(bus, provider.GetRequiredService<TDbContext>(), defaultContext, provider);
        });
    }

    public ScopedBusContext Context => _context.Value;
}

/// <summary>Scoped endpoints inside a consumer: one inbox-aware object serves as both publish endpoint and send endpoint provider.</summary>
internal sealed class InboxAwareScopedBusContext(ConsumeContext context, InboxPublishTarget target, IClientFactory clientFactory) : ScopedBusContext
{
    readonly InboxAwarePublishEndpoint _endpoints = new(context, target);
    readonly ConsumeContextScopedBusContext _inner = new(context, clientFactory);

    public ISendEndpointProvider SendEndpointProvider => _endpoints;

    public IPublishEndpoint PublishEndpoint => _endpoints;

    public IScopedClientFactory ClientFactory => _inner.ClientFactory;
}
