using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.Messaging.Telemetry;

namespace Payouts.BatchService.Telemetry;

/// <summary>
/// <c>payouts.batch.count</c>: batches per status, counted in the database so every replica reports the same truth (read
/// it per service, not summed over replicas). Every status is reported, 0 when empty, so a status that empties does not
/// keep its last value. Read at most once per refresh interval, and only while an exporter observes.
/// </summary>
public sealed class BatchCountGauge : IDisposable
{
    private static readonly string[] Statuses =
        [BatchStatus.Draft, BatchStatus.Ready, BatchStatus.Processing, BatchStatus.Completed, BatchStatus.Failed, BatchStatus.Cancelled];

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly CachedReading<IReadOnlyList<BatchStatusCount>> _reading;

    public BatchCountGauge(IServiceScopeFactory scopeFactory, IMeterFactory meterFactory, TimeProvider time, ILogger<BatchCountGauge> logger)
    {
        _scopeFactory = scopeFactory;
        _reading = new CachedReading<IReadOnlyList<BatchStatusCount>>(ReadAsync, MessagingMetrics.DefaultRefreshInterval, time, logger,
            "batch counts by status");
        meterFactory.Create(BatchMetrics.MeterName).CreateObservableGauge(BatchMetrics.Count, Observe, "{batch}", "Batches in each status now");
    }

    private IEnumerable<Measurement<long>> Observe() => (_reading.Current() ?? []).Select(c =>
        new Measurement<long>(c.Count, new KeyValuePair<string, object?>(BatchMetrics.StatusTag, c.Status)));

    private async Task<IReadOnlyList<BatchStatusCount>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BatchesDbContext>();
        var counted = await db.Batches.AsNoTracking()
            .GroupBy(b => b.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
        return [.. Statuses.Select(status => new BatchStatusCount(status, counted.GetValueOrDefault(status)))];
    }

    public void Dispose() => _reading.Dispose();
}
