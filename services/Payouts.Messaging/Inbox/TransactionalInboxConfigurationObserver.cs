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

    // MassTransit does not report a state machine's event messages through SagaMessageConfigured, so each
    // correlated event type gets the filter here. Should both paths ever run, the inner filter sees the outer
    // one's transaction and passes through.
    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance
    {
        foreach (var messageType in stateMachine.Correlations.Select(c => c.DataType).Distinct())
        {
            AddToSagaMessageMethod.MakeGenericMethod(typeof(TInstance), messageType).Invoke(this, [configurator]);
        }
    }

    static readonly System.Reflection.MethodInfo AddToSagaMessageMethod =
        typeof(TransactionalInboxConfigurationObserver<TDbContext>).GetMethod(nameof(AddToSagaMessage),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    void AddToSagaMessage<TInstance, TMessage>(ISagaConfigurator<TInstance> configurator)
        where TInstance : class, ISaga
        where TMessage : class =>
        configurator.Message<TMessage>(m => m.UseFilter(new TransactionalInboxFilter<TDbContext, TMessage>(scopeProvider, ConsumerId<TInstance>())));

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga
        where TMessage : class =>
        configurator.Message(m => m.UseFilter(new TransactionalInboxFilter<TDbContext, TMessage>(scopeProvider, ConsumerId<TSaga>())));

    static string ConsumerId<T>() => typeof(T).FullName ?? typeof(T).Name;
}
