using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Sagas;

/// <summary>
/// MassTransit saga repository on the service's own <typeparamref name="TDbContext"/> (resolved from the message
/// scope, so it is the same instance — and transaction — the transactional inbox uses).
/// </summary>
internal sealed class PostgresSagaRepositoryContextFactory<TSaga, TDbContext>(
    TDbContext dbContext,
    ISagaConsumeContextFactory<DbContext, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
    where TDbContext : DbContext
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        SagaTransaction.RunAsync(dbContext, async _ =>
        {
            var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(dbContext, context, factory);
            await next.Send(repositoryContext).ConfigureAwait(false);
            return true;
        }, context.CancellationToken);

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        SagaTransaction.RunAsync(dbContext, async cancellationToken =>
        {
            // Find candidates without locks, lock them, then re-check: a row may have changed while we waited.
            var candidates = await dbContext.Set<TSaga>().AsNoTracking()
                .Where(query.FilterExpression)
                .Select(s => s.CorrelationId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var matches = candidates.Count == 0
                ? []
                : (await SagaRowLocker.LoadForUpdateAsync<TSaga>(dbContext, candidates, cancellationToken).ConfigureAwait(false))
                    .Where(query.GetFilter())
                    .ToList();

            var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(dbContext, context, factory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, matches)).ConfigureAwait(false);
            return true;
        }, context.CancellationToken);

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new PostgresSagaReadContext<TSaga>(dbContext, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new PostgresSagaReadContext<TSaga>(dbContext, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "postgres-efcore");
}
