using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Payouts.Messaging.Sagas;

/// <summary>
/// Loads saga rows with <c>SELECT … FOR UPDATE</c>, so a second event for the same instance waits until the
/// first one's transaction commits and then sees its result (pessimistic concurrency: no lost update, no
/// optimistic-retry storms on hot instances such as a batch folding in a hundred payout outcomes).
/// </summary>
internal static class SagaRowLocker
{
    public static async Task<TSaga?> LoadForUpdateAsync<TSaga>(DbContext dbContext, Guid correlationId, CancellationToken cancellationToken)
        where TSaga : class, ISaga
    {
        var (table, key) = Names<TSaga>(dbContext);
        // Identifiers come from the EF model, delimited; the id is a parameter.
        var sql = "SELECT * FROM " + table + " WHERE " + key + " = {0} FOR UPDATE";
        var rows = await dbContext.Set<TSaga>()
            .FromSqlRaw(sql, correlationId)
            .AsTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Locks the given instances in key order (a fixed order avoids deadlocks between queries).</summary>
    public static Task<List<TSaga>> LoadForUpdateAsync<TSaga>(DbContext dbContext, IReadOnlyCollection<Guid> correlationIds,
        CancellationToken cancellationToken)
        where TSaga : class, ISaga
    {
        var (table, key) = Names<TSaga>(dbContext);
        var sql = "SELECT * FROM " + table + " WHERE " + key + " = ANY({0}) ORDER BY " + key + " FOR UPDATE";
        return dbContext.Set<TSaga>()
            .FromSqlRaw(sql, correlationIds.ToArray())
            .AsTracking()
            .ToListAsync(cancellationToken);
    }

    static (string Table, string Key) Names<TSaga>(DbContext dbContext)
    {
        var entity = dbContext.Model.FindEntityType(typeof(TSaga))
            ?? throw new InvalidOperationException($"{dbContext.GetType().Name} does not map saga state {typeof(TSaga).Name}.");
        var sql = dbContext.GetService<ISqlGenerationHelper>();
        var tableName = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var keyColumn = entity.FindProperty(nameof(ISaga.CorrelationId))?.GetColumnName(store)
            ?? throw new InvalidOperationException($"Saga state {typeof(TSaga).Name} has no mapped CorrelationId column.");
        return (sql.DelimitIdentifier(tableName, entity.GetSchema()), sql.DelimitIdentifier(keyColumn));
    }
}
