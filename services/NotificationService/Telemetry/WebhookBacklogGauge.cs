using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Telemetry;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Telemetry;

/// <summary>
/// <c>payouts.webhook.backlog</c> and <c>payouts.webhook.oldest_undelivered_age</c>: pending deliveries and the age of
/// the oldest, counted in the database so every replica reports the same truth (read them per service, not summed).
/// Read at most once per refresh interval, and only while an exporter observes.
/// </summary>
public sealed class WebhookBacklogGauge : IDisposable
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _time;
    private readonly CachedReading<Backlog> _reading;

    public WebhookBacklogGauge(IServiceScopeFactory scopeFactory, IMeterFactory meterFactory, TimeProvider time, ILogger<WebhookBacklogGauge> logger)
    {
        _scopeFactory = scopeFactory;
        _time = time;
        _reading = new CachedReading<Backlog>(ReadAsync, MessagingMetrics.DefaultRefreshInterval, time, logger, "webhook backlog");
        var meter = meterFactory.Create(WebhookMetrics.MeterName);
        meter.CreateObservableGauge(WebhookMetrics.Backlog, () => _reading.Current()?.Pending ?? 0, "{delivery}", "Webhook deliveries pending now");
        meter.CreateObservableGauge(WebhookMetrics.OldestUndeliveredAge, () => _reading.Current()?.OldestAgeSeconds ?? 0, "s",
            "Age of the oldest pending webhook delivery");
    }

    private async Task<Backlog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var pending = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending);
        var count = await pending.LongCountAsync(cancellationToken);
        var oldest = count == 0 ? (DateTimeOffset?)null : await pending.MinAsync(d => (DateTimeOffset?)d.CreatedAt, cancellationToken);
        return new Backlog(count, oldest is null ? 0 : Math.Max(0, (_time.GetUtcNow() - oldest.Value).TotalSeconds));
    }

    public void Dispose() => _reading.Dispose();

    private sealed record Backlog(long Pending, double OldestAgeSeconds);
}
