using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Inbox;

namespace Payouts.Messaging;

public static class TransactionalInboxEndpointExtensions
{
    /// <summary>
    /// Makes every consumer and saga configured on this endpoint after this call idempotent per (message id,
    /// consumer) and transactional on <typeparamref name="TDbContext"/>: inbox row, the consumer's changes and the
    /// messages it publishes commit together. Call before <c>ConfigureConsumer</c>/<c>ConfigureSaga</c>; put
    /// <c>UseMessageRetry</c> before it so each retry gets a fresh transaction.
    /// </summary>
    public static IReceiveEndpointConfigurator UseTransactionalInbox<TDbContext>(this IReceiveEndpointConfigurator endpoint,
        IRegistrationContext context)
        where TDbContext : DbContext
    {
        var observer = new TransactionalInboxConfigurationObserver<TDbContext>(new ConsumeScopeProvider(context));
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
        return endpoint;
    }
}
