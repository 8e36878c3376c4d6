using MassTransit;

namespace Payouts.Messaging;

/// <summary>
/// A consumer on a queue named in Payouts.Contracts rather than by the endpoint name formatter, so renaming the
/// consumer class cannot move the queue its senders address. Configured by
/// <see cref="NamedQueueConsumerRegistrationExtensions.AddConsumerOnQueue"/>.
/// </summary>
public sealed class NamedQueueConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly Action<IRetryConfigurator> _retry;

    public NamedQueueConsumerDefinition(NamedQueue<TConsumer> queue)
    {
        EndpointName = queue.Name;
        ConcurrentMessageLimit = queue.ConcurrentMessageLimit;
        _retry = queue.Retry;
    }

    // On the endpoint, in front of the inbox: each try is a fresh inbox transaction.
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(_retry);
}

/// <summary>The queue <typeparamref name="TConsumer"/> reads, how many messages it takes at once, and how it retries.</summary>
public sealed record NamedQueue<TConsumer>(string Name, int? ConcurrentMessageLimit, Action<IRetryConfigurator> Retry)
    where TConsumer : class, IConsumer;
