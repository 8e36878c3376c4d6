using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Telemetry;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Telemetry;

/// <summary>
/// <c>payouts.payout.count</c>: payouts per status and currency, counted in the database so every replica reports the
/// same truth whoever changed the rows and across restarts (read it per service, not summed over replicas). The count
/// runs at most once per refresh interval, only while an exporter observes, never once per export.
/// </summary>
public sealed class PayoutCountGauge : IDisposable
{
    readonly IServiceScopeFactory _scopeFactory;
    readonly CachedReading<IReadOnlyList<PayoutStatusCount>> _reading;

    // Currencies seen so far: every status is reported for each, so a status that empties reads 0 instead of vanishing
    // (a gauge series that stops being reported keeps showing its last value). Touched only by the reading.
    readonly HashSet<string> _currencies = new(StringComparer.Ordinal);

    public PayoutCountGauge(IServiceScopeFactory scopeFactory, IMeterFactory meterFactory, TimeProvider time, ILogger<PayoutCountGauge> logger)
    {
        _scopeFactory = scopeFactory;
        _reading = new CachedReading<IReadOnlyList<PayoutStatusCount>>(ReadAsync, MessagingMetrics.DefaultRefreshInterval, time, logger,
            "payout counts by status");
        meterFactory.Create(PayoutMetrics.MeterName).CreateObservableGauge(PayoutMetrics.Count, Observe, "{payout}",
            "Payouts in each status now, by currency");
    }

    IEnumerable<Measurement<long>> Observe() => (_reading.Current() ?? []).Select(c => new Measurement<long>(c.Count,
        new KeyValuePair<string, object?>(PayoutMetrics.StatusTag, c.Status),
        new KeyValuePair<string, object?>(PayoutMetrics.CurrencyTag, c.Currency)));

    async Task<IReadOnlyList<PayoutStatusCount>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PayoutsDbContext>();
        var counted = await db.Payouts.AsNoTracking()
            .GroupBy(p => new { p.Status, p.Currency })
            .Select(g => new PayoutStatusCount(g.Key.Status, g.Key.Currency, g.LongCount()))
            .ToListAsync(cancellationToken);

        _currencies.UnionWith(counted.Select(c => c.Currency));
        var byKey = counted.ToDictionary(c => (c.Status, c.Currency));
        return [.. _currencies.Order(StringComparer.Ordinal).SelectMany(currency => PayoutStatus.All.Select(status =>
            byKey.GetValueOrDefault((status, currency)) ?? new PayoutStatusCount(status, currency, 0)))];
    }

    public void Dispose() => _reading.Dispose();
}
