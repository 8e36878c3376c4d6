using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Telemetry;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Telemetry;

/// <summary>
/// <c>payouts.email.backlog</c>: emails pending in the outbox, counted in the database so every replica reports the same
/// truth. Read at most once per refresh interval, and only while an exporter observes.
/// </summary>
public sealed class EmailBacklogGauge : IDisposable
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly CachedReading<Pending> _reading;

    public EmailBacklogGauge(IServiceScopeFactory scopeFactory, IMeterFactory meterFactory, TimeProvider time, ILogger<EmailBacklogGauge> logger)
    {
        _scopeFactory = scopeFactory;
        _reading = new CachedReading<Pending>(ReadAsync, MessagingMetrics.DefaultRefreshInterval, time, logger, "email backlog");
        meterFactory.Create(WebhookMetrics.MeterName)
            .CreateObservableGauge(EmailMetrics.Backlog, () => _reading.Current()?.Count ?? 0, "{email}", "Emails pending now");
    }

    private async Task<Pending> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        return new Pending(await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().EmailMessages.AsNoTracking()
            .LongCountAsync(e => e.Status == EmailMessageStatus.Pending, cancellationToken));
    }

    public void Dispose() => _reading.Dispose();

    private sealed record Pending(long Count);
}
