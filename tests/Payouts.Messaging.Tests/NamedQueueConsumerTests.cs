using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Messaging.Tests.Support;

namespace Payouts.Messaging.Tests;

/// <summary>AddConsumerOnQueue: the queue and the concurrency a service names, not the formatter's, and no limit unless asked.</summary>
public sealed class NamedQueueConsumerTests
{
    [Fact]
    public void Endpoint_is_the_named_queue_with_the_given_concurrency_limit()
    {
        var definition = DefinitionOf<ValueRecordedConsumer>(bus => bus.AddConsumerOnQueue<ValueRecordedConsumer>("recorded-values", concurrentMessageLimit: 4));

        Assert.Equal("recorded-values", definition.GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
        Assert.Equal(4, definition.ConcurrentMessageLimit);
    }

    [Fact]
    public void Without_a_limit_the_endpoint_sets_none()
    {
        var definition = DefinitionOf<ValueRecordedConsumer>(bus => bus.AddConsumerOnQueue<ValueRecordedConsumer>("recorded-values"));

        Assert.Null(definition.ConcurrentMessageLimit);
    }

    private static IConsumerDefinition<TConsumer> DefinitionOf<TConsumer>(Action<IBusRegistrationConfigurator> configure)
        where TConsumer : class, IConsumer
    {
        var services = new ServiceCollection();
        services.AddMassTransit(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IConsumerDefinition<TConsumer>>();
    }
}
