namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Explicit transactions that work with <c>EnableRetryOnFailure</c>: the retrying execution strategy
/// refuses user-initiated transactions unless the whole unit runs inside
/// <c>Database.CreateExecutionStrategy().ExecuteAsync</c>, so that a retry replays all of it.
/// </summary>
public static class DbContextTransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="operation"/> in a transaction and commits it; on a transient failure the
    /// strategy rolls back and runs the operation again, so it must re-read what it depends on.
    /// Call <c>SaveChangesAsync</c> inside the operation.
    /// </summary>
    public static Task ExecuteInTransactionAsync(this DbContext context, Func<Task> operation, CancellationToken cancellationToken = default) =>
        context.ExecuteInTransactionAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);

    /// <inheritdoc cref="ExecuteInTransactionAsync(DbContext, Func{Task}, CancellationToken)"/>
    public static Task<TResult> ExecuteInTransactionAsync<TResult>(this DbContext context, Func<Task<TResult>> operation, CancellationToken cancellationToken = default) =>
        context.ExecuteInTransactionAsync(operation, _ => true, cancellationToken);

    /// <summary>
    /// As <see cref="ExecuteInTransactionAsync{TResult}(DbContext, Func{Task{TResult}}, CancellationToken)"/>, but commits only when
    /// <paramref name="commit"/> accepts the result; otherwise rolls back, so an operation that returns a refusal leaves nothing behind.
    /// </summary>
    public static Task<TResult> ExecuteInTransactionAsync<TResult>(this DbContext context, Func<Task<TResult>> operation, Func<TResult, bool> commit,
        CancellationToken cancellationToken = default)
    {
        var strategy = context.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(
            (context, operation, commit),
            async (_, state, ct) =>
            {
                await using var transaction = await state.context.Database.BeginTransactionAsync(ct);
                var result = await state.operation();
                if (state.commit(result)) await transaction.CommitAsync(ct);
                else await transaction.RollbackAsync(ct);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
    }
}
