using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Payouts.Messaging.Inbox;
using Payouts.Messaging.Outbox;
using Payouts.Messaging.Telemetry;

namespace Payouts.Messaging;

public static class TransactionalOutboxRegistrationExtensions
{
    /// <summary>
    /// Transactional outbox and inbox on <typeparamref name="TDbContext"/> (which must call
    /// <c>modelBuilder.AddTransactionalOutboxEntities()</c>). Call on the service collection, before or after
    /// <c>AddMassTransit</c> (or on its configurator inside it):
    /// <list type="bullet">
    /// <item>the scoped <see cref="IPublishEndpoint"/> / <see cref="ISendEndpointProvider"/> write outbox rows into the
    /// scoped DbContext; they are stored by the caller's SaveChanges/transaction, never sent before commit;</item>
    /// <item>a hosted dispatcher delivers committed rows, each destination's in order, woken on commit and polling for the rest;</item>
    /// <item>unless turned off, every endpoint created by <c>ConfigureEndpoints</c> gets the transactional inbox;</item>
    /// <item>a hosted cleanup removes inbox rows after <see cref="TransactionalOutboxOptions.InboxRetention"/>;</item>
    /// <item>gauges <c>payouts.outbox.backlog</c> and <c>payouts.outbox.oldest_age</c> report what waits in the outbox table.</item>
    /// </list>
    /// </summary>
    public static IServiceCollection AddTransactionalOutbox<TDbContext>(this IServiceCollection configurator,
        Action<TransactionalOutboxOptions>? configure = null)
        where TDbContext : DbContext
    {
        var options = new TransactionalOutboxOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentDestinations, 1, nameof(options.MaxConcurrentDestinations));

        configurator.AddOptions<TransactionalOutboxOptions>().Configure(o =>
        {
            o.DispatcherEnabled = options.DispatcherEnabled;
            o.PollInterval = options.PollInterval;
            o.BatchSize = options.BatchSize;
            o.MaxConcurrentDestinations = options.MaxConcurrentDestinations;
            o.DeliveryTimeout = options.DeliveryTimeout;
            o.MinRetryDelay = options.MinRetryDelay;
            o.MaxRetryDelay = options.MaxRetryDelay;
            o.UseInboxOnConfiguredEndpoints = options.UseInboxOnConfiguredEndpoints;
            o.InboxRetention = options.InboxRetention;
            o.InboxCleanupInterval = options.InboxCleanupInterval;
        });

        configurator.TryAddSingleton<OutboxDispatchSignal<TDbContext>>();
        configurator.TryAddScoped<InboxPublishTarget>();
        configurator.TryAddSingleton<OutboxCommitInterceptor<TDbContext>>();
        configurator.ConfigureDbContext<TDbContext>((provider, db) =>
            db.AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor<TDbContext>>()));

        // MassTransit registers its provider with TryAdd: registered first, ours wins; registered later, replace it.
        configurator.RemoveAll<IScopedBusContextProvider<IBus>>();
        configurator.AddScoped<IScopedBusContextProvider<IBus>, OutboxScopedBusContextProvider<TDbContext>>();

        if (options.DispatcherEnabled)
            configurator.AddHostedService<OutboxDispatcher<TDbContext>>();
        configurator.AddHostedService<InboxCleanupService<TDbContext>>();

        // Gauges of the outbox's backlog (meter Payouts.Messaging), for every service that has an outbox.
        configurator.TryAddSingleton<OutboxBacklogMetrics<TDbContext>>();
        configurator.AddHostedService<InstrumentsActivation<OutboxBacklogMetrics<TDbContext>>>();

        if (options.UseInboxOnConfiguredEndpoints)
            configurator.AddSingleton<IConfigureReceiveEndpoint, TransactionalInboxEndpointConfiguration<TDbContext>>();

        return configurator;
    }
}
