using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Payouts.Messaging;

public static class NamedQueueConsumerRegistrationExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TConsumer"/> on the queue <paramref name="queueName"/> (a constant of Payouts.Contracts),
    /// retried with <paramref name="retry"/> (<see cref="MessageRetry.Default"/> when not given) and at most
    /// <paramref name="concurrentMessageLimit"/> messages at once (MassTransit then prefetches 1.2 times as many). The
    /// endpoint comes from <c>ConfigureEndpoints</c>, so the transactional inbox comes with it.
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddConsumerOnQueue<TConsumer>(
        this IBusRegistrationConfigurator bus, string queueName, int? concurrentMessageLimit = null, Action<IRetryConfigurator>? retry = null)
        where TConsumer : class, IConsumer =>
        bus.AddConsumerOnQueue<TConsumer>(queueName, _ => concurrentMessageLimit, retry);

    /// <summary>
    /// The same, with the limit read from the built container when the bus configures its endpoints (a setting bound to
    /// options, which a host or a test may supply after <c>Program</c> registered the consumer).
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddConsumerOnQueue<TConsumer>(
        this IBusRegistrationConfigurator bus, string queueName, Func<IServiceProvider, int?> concurrentMessageLimit, Action<IRetryConfigurator>? retry = null)
        where TConsumer : class, IConsumer
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentNullException.ThrowIfNull(concurrentMessageLimit);
        bus.AddSingleton(services => new NamedQueue<TConsumer>(queueName, concurrentMessageLimit(services), retry ?? MessageRetry.Default));
        return bus.AddConsumer<TConsumer, NamedQueueConsumerDefinition<TConsumer>>();
    }
}
