using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Replaces MassTransit's scoped bus context provider. Inside a consumer the scoped publish/send endpoints
/// are the current consume context (which the transactional inbox has already pointed at the outbox);
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
                return new ConsumeContextScopedBusContext(consumeContextProvider.GetContext(), clientFactory);

            var defaultContext = new BusScopedBusContext<IBus>(bus, clientFactory, provider);
            return new OutboxScopedBusContext<TDbContext>(bus, provider.GetRequiredService<TDbContext>(), defaultContext, provider);
        });
    }

    public ScopedBusContext Context => _context.Value;
}
