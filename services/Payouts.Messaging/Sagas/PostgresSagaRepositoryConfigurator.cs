using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Sagas;

/// <summary>Chooses the DbContext a saga's state lives in.</summary>
public sealed class PostgresSagaRepositoryConfigurator<TSaga>
    where TSaga : class, ISaga
{
    internal Action<ISagaRepositoryRegistrationConfigurator<TSaga>>? Register { get; private set; }

    /// <summary>
    /// Store the saga in <typeparamref name="TDbContext"/>, which must map <typeparamref name="TSaga"/>
    /// (key <c>CorrelationId</c>) and be registered with AddDbContext.
    /// </summary>
    public void ExistingDbContext<TDbContext>()
        where TDbContext : DbContext =>
        Register = repository =>
        {
            repository.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>,
                PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>();
            repository.RegisterQuerySagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>();
            repository.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga, TDbContext>>();
        };
}
