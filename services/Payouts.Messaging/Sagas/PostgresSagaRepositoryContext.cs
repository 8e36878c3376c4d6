using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Sagas;

/// <summary>Saga persistence for one consumed message, inside the transaction opened by the factory or the inbox.</summary>
internal sealed class PostgresSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    readonly DbContext _dbContext;
    readonly ConsumeContext<TMessage> _consumeContext;
    readonly ISagaConsumeContextFactory<DbContext, TSaga> _factory;

    public PostgresSagaRepositoryContext(DbContext dbContext, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<DbContext, TSaga> factory)
        : base(consumeContext, dbContext)
    {
        _dbContext = dbContext;
        _consumeContext = consumeContext;
        _factory = factory;
    }

    // A query context may hand several instances to the pipe concurrently; a DbContext allows one operation at a time.
    readonly SemaphoreSlim _gate = new(1, 1);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // A failed INSERT aborts a Postgres transaction; the savepoint keeps the surrounding one usable when
        // another delivery created the instance first (the caller then loads it instead).
        var transaction = _dbContext.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Saga inserts run inside a transaction.");
        const string savepoint = "saga_insert";

        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            await transaction.CreateSavepointAsync(savepoint, CancellationToken).ConfigureAwait(false);
            var entry = _dbContext.Set<TSaga>().Add(instance);
            try
            {
                await _dbContext.SaveChangesAsync(CancellationToken).ConfigureAwait(false);
                await transaction.ReleaseSavepointAsync(savepoint, CancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                entry.State = EntityState.Detached;
                await transaction.RollbackToSavepointAsync(savepoint, CancellationToken).ConfigureAwait(false);
                return null!;
            }
        }
        finally
        {
            _gate.Release();
        }

        return await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Insert).ConfigureAwait(false);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        TSaga? instance;
        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            instance = await SagaRowLocker.LoadForUpdateAsync<TSaga>(_dbContext, correlationId, CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return instance is null
            ? null!
            : await _factory.CreateSagaConsumeContext(_dbContext, _consumeContext, instance, SagaConsumeContextMode.Load).ConfigureAwait(false);
    }

    public Task Save(SagaConsumeContext<TSaga> context) => Guarded(() =>
    {
        _dbContext.Set<TSaga>().Add(context.Saga);
        return _dbContext.SaveChangesAsync(CancellationToken);
    });

    public Task Update(SagaConsumeContext<TSaga> context) => Guarded(() => _dbContext.SaveChangesAsync(CancellationToken));

    public Task Delete(SagaConsumeContext<TSaga> context) => Guarded(() =>
    {
        _dbContext.Set<TSaga>().Remove(context.Saga);
        return _dbContext.SaveChangesAsync(CancellationToken);
    });

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Guarded(() =>
    {
        var entry = _dbContext.ChangeTracker.Entries<TSaga>().FirstOrDefault(e => e.Entity.CorrelationId == context.Saga.CorrelationId);
        if (entry is not null)
            entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
        return Task.FromResult(0);
    });

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_dbContext, context, instance, mode);

    async Task Guarded(Func<Task<int>> action)
    {
        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
