using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Payouts.Messaging.Inbox;

/// <summary>
/// Applied by MassTransit to every receive endpoint that <c>ConfigureEndpoints</c> creates. Registered in DI
/// (not through AddConfigureEndpointsCallback) so it works whether AddTransactionalOutbox runs before or
/// after AddMassTransit and alongside callbacks registered by other code.
/// </summary>
internal sealed class TransactionalInboxEndpointConfiguration<TDbContext>(IServiceProvider provider) : IConfigureReceiveEndpoint
    where TDbContext : DbContext
{
    public void Configure(string name, IReceiveEndpointConfigurator configurator) =>
        configurator.UseTransactionalInbox<TDbContext>(provider.GetRequiredService<IBusRegistrationContext>());
}
