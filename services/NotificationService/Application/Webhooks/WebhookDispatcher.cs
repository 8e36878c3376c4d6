using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Data;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;
using Payouts.NotificationService.Telemetry;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>
/// Sends due webhook deliveries. Each round claims at most one due delivery per enabled endpoint that has none under
/// way here (<c>FOR UPDATE SKIP LOCKED</c>, so replicas never claim the same row) and leases it by moving its due time
/// past the attempt's timeout: a replica that dies mid-attempt leaves it due again (at-least-once). Attempts run
/// concurrently up to <see cref="WebhookOptions.MaxConcurrency"/>, one per endpoint, so a slow receiver holds only its own.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock, WebhookMetrics metrics,
    ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private readonly Dictionary<Guid, Task> _inFlight = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var done in _inFlight.Where(f => f.Value.IsCompleted).Select(f => f.Key).ToList()) _inFlight.Remove(done);
            try
            {
                var free = settings.MaxConcurrency - _inFlight.Count;
                if (free > 0)
                {
                    foreach (var claimed in await ClaimAsync(free, [.. _inFlight.Keys], stoppingToken))
                    {
                        _inFlight[claimed.EndpointId] = Task.Run(() => AttemptAsync(claimed.Id, stoppingToken), CancellationToken.None);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Claiming due webhook deliveries failed; trying again next round");
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_inFlight.Values);
    }

    private async Task<List<WebhookDelivery>> ClaimAsync(int limit, Guid[] busy, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = StoredTime.Of(clock.GetUtcNow());
        // In one transaction (replayed whole on a transient failure): the row locks last until the lease is written.
        return await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var claimed = await db.WebhookDeliveries.FromSql($"""
                SELECT d.* FROM webhook_deliveries d
                WHERE d.id IN (
                    SELECT DISTINCT ON (p.endpoint_id) p.id FROM webhook_deliveries p
                    JOIN webhook_endpoints e ON e.id = p.endpoint_id
                    WHERE p.status = 'pending' AND p.next_attempt_at <= {now} AND e.enabled AND NOT (p.endpoint_id = ANY({busy}))
                    ORDER BY p.endpoint_id, p.next_attempt_at)
                ORDER BY d.next_attempt_at
                LIMIT {limit}
                FOR UPDATE OF d SKIP LOCKED
                """).ToListAsync(ct);
            // The lease: nobody else claims it until the attempt has had its time.
            foreach (var delivery in claimed) delivery.NextAttemptAt = now + options.Value.Timeout + TimeSpan.FromSeconds(30);
            await db.SaveChangesAsync(ct);
            return claimed;
        }, ct);
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, stopping);
            var endpoint = delivery is null ? null : await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == delivery.EndpointId, stopping);
            // Deleted (with its deliveries) or disabled since the claim: nothing to send.
            if (delivery is null || endpoint is null || !endpoint.Enabled) return;

            var sentAt = clock.GetUtcNow();
            var result = await sender.SendAsync(endpoint.Url, delivery.EventId, delivery.EventType, delivery.Payload, secrets.Active(endpoint, sentAt),
                sentAt.ToUnixTimeSeconds(), stopping);
            var outcome = await RecordAsync(db, deliveryId, result, stopping);
            if (outcome is not null) metrics.Attempted(outcome);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            // The lease runs out and the delivery is due again.
            logger.LogWarning(e, "Webhook delivery {DeliveryId} could not be attempted", deliveryId);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the lease runs out and another replica (or the next start) sends it.
        }
    }

    /// <summary>
    /// Writes the attempt's outcome with the endpoint row locked: replicas attempting two deliveries of one endpoint at
    /// once then count both failures instead of one overwriting the other. Null when the delivery or endpoint is gone.
    /// </summary>
    private async Task<string?> RecordAsync(NotificationsDbContext db, Guid deliveryId, AttemptResult result, CancellationToken ct) =>
        await db.ExecuteInTransactionAsync<string?>(async () =>
        {
            db.ChangeTracker.Clear();
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
            var endpoint = delivery is null ? null
                : await db.WebhookEndpoints.FromSql($"SELECT * FROM webhook_endpoints WHERE id = {delivery.EndpointId} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (delivery is null || endpoint is null) return null;

            var now = StoredTime.Of(clock.GetUtcNow());
            if (result.Succeeded)
            {
                delivery.Succeeded(result.StatusCode!.Value, now);
                endpoint.RecordSuccess();
            }
            else
            {
                var error = result.Error ?? "Failed";
                if (error.Length > 1000) error = error[..1000];
                delivery.Failed(result.StatusCode, error, now, options.Value.BackoffAfter(delivery.Attempts + 1));
                if (endpoint.RecordFailure(options.Value.FailureThreshold, error, now)) db.Notifications.Add(Disabled(endpoint, now));
            }

            await db.SaveChangesAsync(ct);
            return result.Succeeded ? "succeeded" : delivery.Status == WebhookDeliveryStatus.Failed ? "given_up" : "retrying";
        }, ct);

    /// <summary>The owner is told in-app that their endpoint stopped receiving, and why.</summary>
    private static Notification Disabled(WebhookEndpoint endpoint, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = endpoint.OwnerKind == WebhookOwners.User ? endpoint.OwnerId : null,
        CompanyId = endpoint.OwnerKind == WebhookOwners.Company ? endpoint.OwnerId : null,
        Type = NotificationTypes.WebhookDisabled,
        Message = $"Your webhook endpoint {endpoint.Url} was disabled after {endpoint.ConsecutiveFailures} failed deliveries in a row. "
            + "Fix the receiver and enable the endpoint again; undelivered events are kept.",
        ObjectType = NotificationObjects.WebhookEndpoint,
        ObjectId = endpoint.Id.ToString(),
        CreatedAt = now,
    };
}
