using MassTransit;

namespace Payouts.Messaging;

/// <summary>
/// The retry every inbox consumer gets unless it needs its own: a consumer that loses a race (two events inserting
/// the same read-model row, a deadlock) or meets a brief outage is tried again with backoff, each try a fresh inbox
/// transaction that starts from the database. Only what still fails goes to the endpoint's <c>_error</c> queue.
/// </summary>
public static class MessageRetry
{
    public static void Default(IRetryConfigurator retry) =>
        retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
}

/// <summary>A consumer on its own endpoint (named by the endpoint name formatter) with <see cref="MessageRetry.Default"/>.</summary>
public class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(MessageRetry.Default);
}

/// <summary>A saga on its own endpoint (named by the endpoint name formatter) with <see cref="MessageRetry.Default"/>.</summary>
public class RetryingSagaDefinition<TSaga> : SagaDefinition<TSaga>
    where TSaga : class, ISaga
{
    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TSaga> sagaConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(MessageRetry.Default);
}
