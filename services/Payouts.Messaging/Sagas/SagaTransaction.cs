using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Sagas;

/// <summary>
/// Runs saga work in a transaction: the transactional inbox's when there is one (so inbox row, saga state and
/// outbox rows commit together), otherwise a transaction of its own.
/// </summary>
internal static class SagaTransaction
{
    public static async Task<T> RunAsync<T>(DbContext dbContext, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (dbContext.Database.CurrentTransaction is not null)
            return await work(cancellationToken).ConfigureAwait(false);

        var strategy = dbContext.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            dbContext.ChangeTracker.Clear();
            await using var transaction = await dbContext.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            try
            {
                var result = await work(ct).ConfigureAwait(false);
                await dbContext.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
            catch
            {
                dbContext.ChangeTracker.Clear();
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
