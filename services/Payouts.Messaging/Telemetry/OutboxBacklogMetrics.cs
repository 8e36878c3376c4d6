using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.Messaging.Outbox;

namespace Payouts.Messaging.Telemetry;

/// <summary>
/// Gauges of <typeparamref name="TDbContext"/>'s outbox: how many messages wait for the broker and how old the oldest
/// is. Read from the table, so they hold across replicas and restarts (every replica reports the same table: read
/// them per service, not summed over replicas). A growing backlog or age means the broker is unreachable or refusing,
/// or no replica holds the dispatch lock.
/// </summary>
internal sealed class OutboxBacklogMetrics<TDbContext> : IDisposable
    where TDbContext : DbContext
{
    readonly CachedReading<OutboxBacklog> _reading;
    readonly TimeProvider _time;

    public OutboxBacklogMetrics(IServiceScopeFactory scopeFactory, IMeterFactory meterFactory, ILogger<OutboxBacklogMetrics<TDbContext>> logger,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        _time = time;
        _reading = new CachedReading<OutboxBacklog>(cancellationToken => ReadAsync(scopeFactory, cancellationToken),
            MessagingMetrics.DefaultRefreshInterval, time, logger, $"outbox of {typeof(TDbContext).Name}");

        var meter = meterFactory.Create(MessagingMetrics.MeterName);
        meter.CreateObservableGauge(MessagingMetrics.OutboxBacklog, ObserveCount, "{message}",
            "Messages in the outbox table waiting for the broker's confirm");
        meter.CreateObservableGauge(MessagingMetrics.OutboxOldestAge, ObserveOldestAge, "s",
            "Age of the oldest message waiting in the outbox (0 when it is empty)");
    }

    IEnumerable<Measurement<long>> ObserveCount() =>
        _reading.Current() is { } backlog ? [new Measurement<long>(backlog.Count)] : [];

    // Aged at observation time, so the age keeps growing between readings while the head row stays stuck.
    IEnumerable<Measurement<double>> ObserveOldestAge() => _reading.Current() switch
    {
        null => [],
        { OldestSentTime: { } oldest } => [new Measurement<double>(Math.Max(0, (_time.GetUtcNow().UtcDateTime - oldest).TotalSeconds))],
        _ => [new Measurement<double>(0)],
    };

    static async Task<OutboxBacklog> ReadAsync(IServiceScopeFactory scopeFactory, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var entity = dbContext.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no outbox table: call modelBuilder.AddTransactionalOutboxEntities().");
        var sqlHelper = dbContext.GetService<ISqlGenerationHelper>();
        var table = sqlHelper.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sqlHelper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());

        // The head row by primary key (what the dispatcher sends next) is the oldest; the count walks the table, which
        // stays small unless delivery is stuck, and then only once per refresh interval.
        var sql = $"""
            SELECT (SELECT count(*) FROM {table}) AS "Count",
                   (SELECT {Column(nameof(OutboxMessage.SentTime))} FROM {table}
                    ORDER BY {Column(nameof(OutboxMessage.SequenceNumber))} LIMIT 1) AS "OldestSentTime"
            """;
        // Names come from the EF model, delimited; there are no values to parameterise.
        var rows = await dbContext.Database.SqlQueryRaw<OutboxBacklog>(sql).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Single();
    }

    public void Dispose() => _reading.Dispose();
}
