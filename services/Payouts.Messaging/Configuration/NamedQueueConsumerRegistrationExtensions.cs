using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Payouts.Messaging;

public static class NamedQueueConsumerRegistrationExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TConsumer"/> on the queue <paramref name="queueName"/> (a constant of Payouts.Contracts),
    /// retried with <paramref name="retry"/> (<see cref="MessageRetry.Default"/> when not given) and at most
    /// <paramref name="concurrentMessageLimit"/> messages at once. The endpoint comes from <c>ConfigureEndpoints</c>,
    /// so the transactional inbox comes with it.
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddConsumerOnQueue<TConsumer>(
        this IBusRegistrationConfigurator bus, string queueName, int? concurrentMessageLimit = null, Action<IRetryConfigurator>? retry = null)
        where TConsumer : class, IConsumer
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        bus.AddSingleton(new NamedQueue<TConsumer>(queueName, concurrentMessageLimit, retry ?? MessageRetry.Default));
        return bus.AddConsumer<TConsumer, NamedQueueConsumerDefinition<TConsumer>>();
    }
}
