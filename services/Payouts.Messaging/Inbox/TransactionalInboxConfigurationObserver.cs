using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Inbox;

/// <summary>
/// Adds <see cref="TransactionalInboxFilter{TDbContext,TMessage}"/> in front of every consumer and saga configured
/// on an endpoint, keyed by that consumer's or saga's type, so the inbox is per (message id, consumer).
/// </summary>
internal sealed class TransactionalInboxConfigurationObserver<TDbContext>(IConsumeScopeProvider scopeProvider)
    : IConsumerConfigurationObserver, ISagaConfigurationObserver
    where TDbContext : DbContext
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class =>
        configurator.Message(m => m.UseFilter(new TransactionalInboxFilter<TDbContext, TMessage>(scopeProvider, ConsumerId<TConsumer>())));

    public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
    }

    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance
    {
    }

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga
        where TMessage : class =>
        configurator.Message(m => m.UseFilter(new TransactionalInboxFilter<TDbContext, TMessage>(scopeProvider, ConsumerId<TSaga>())));

    static string ConsumerId<T>() => typeof(T).FullName ?? typeof(T).Name;
}
