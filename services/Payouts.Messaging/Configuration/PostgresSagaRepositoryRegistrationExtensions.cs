using MassTransit;
using Payouts.Messaging.Sagas;

namespace Payouts.Messaging;

public static class PostgresSagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Persist this saga in PostgreSQL through the service's DbContext, one row per instance, locked with
    /// <c>SELECT … FOR UPDATE</c> while an event is applied:
    /// <code>x.AddSagaStateMachine&lt;PayoutStateMachine, PayoutState&gt;().PostgresRepository(r =&gt; r.ExistingDbContext&lt;PayoutsDbContext&gt;());</code>
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<PostgresSagaRepositoryConfigurator<TSaga>> configure)
        where TSaga : class, ISaga
    {
        ArgumentNullException.ThrowIfNull(configure);

        var repository = new PostgresSagaRepositoryConfigurator<TSaga>();
        configure(repository);
        var register = repository.Register
            ?? throw new InvalidOperationException($"PostgresRepository for {typeof(TSaga).Name} needs r.ExistingDbContext<TDbContext>().");

        return configurator.Repository(register);
    }
}
