using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Data;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>
/// A caller's webhook endpoints (<see cref="WebhookOwner"/>): register, change, delete, rotate the secret, read the
/// delivery log and redeliver. Another owner's endpoint is not found and stays as it was.
/// </summary>
public sealed class WebhookSubscriptions(
    NotificationsDbContext db, WebhookUrlPolicy urls, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const int MaxEndpointsPerOwner = 20;

    public async Task<ApiOutcome<EndpointWithSecret>> RegisterAsync(WebhookOwner owner, string url, IReadOnlyList<string> eventTypes, CancellationToken ct)
    {
        if (await urls.RefusalAsync(url, ct) is { } refusal) return ApiError.Validation("url", refusal);
        var now = Now();
        var secret = WebhookSignature.NewSecret();
        // Counted and added under the owner's lock: concurrent registrations cannot pass the cap together.
        return await db.ExecuteInTransactionAsync<ApiOutcome<EndpointWithSecret>>(async () =>
        {
            await db.LockForTransactionAsync($"webhook_endpoints:{owner.Kind}:{owner.Id}", ct);
            if (await db.WebhookEndpoints.CountAsync(e => e.OwnerKind == owner.Kind && e.OwnerId == owner.Id, ct) >= MaxEndpointsPerOwner)
            {
                return ApiError.Validation("url", $"At most {MaxEndpointsPerOwner} webhook endpoints may be registered.");
            }

            var endpoint = new WebhookEndpoint
            {
                Id = Guid.CreateVersion7(),
                OwnerKind = owner.Kind,
                OwnerId = owner.Id,
                Url = url,
                EventTypes = [.. eventTypes],
                EncryptedSecret = secrets.Protect(secret),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.ChangeTracker.Clear();
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(ct);
            return new EndpointWithSecret(endpoint, secret);
        }, ct);
    }

    public Task<List<WebhookEndpoint>> ListAsync(WebhookOwner owner, CancellationToken ct) =>
        Owned(owner).AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct);

    public async Task<ApiOutcome<WebhookEndpoint>> GetAsync(WebhookOwner owner, Guid id, CancellationToken ct) =>
        await Owned(owner).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { } endpoint ? endpoint : WebhookErrors.EndpointNotFound;

    /// <summary>Changes what is given (null: unchanged); enabling a disabled endpoint clears its run of failures.</summary>
    public async Task<ApiOutcome<WebhookEndpoint>> UpdateAsync(WebhookOwner owner, Guid id, string? url, IReadOnlyList<string>? eventTypes, bool? enabled,
        CancellationToken ct)
    {
        var endpoint = await Owned(owner).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WebhookErrors.EndpointNotFound;
        if (url is not null && await urls.RefusalAsync(url, ct) is { } refusal) return ApiError.Validation("url", refusal);

        var now = Now();
        if (url is not null) endpoint.Url = url;
        if (eventTypes is not null) endpoint.EventTypes = [.. eventTypes];
        if (enabled == true && !endpoint.Enabled) endpoint.Enable(now);
        if (enabled == false && endpoint.Enabled)
        {
            endpoint.Enabled = false;
            endpoint.DisabledReason = "Disabled by its owner";
        }

        endpoint.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return endpoint;
    }

    /// <summary>Deletes the endpoint and its delivery log; nothing more is sent to it.</summary>
    public async Task<bool> DeleteAsync(WebhookOwner owner, Guid id, CancellationToken ct) =>
        await Owned(owner).Where(e => e.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>A new secret, returned this once; the old one keeps signing for the configured overlap.</summary>
    public async Task<ApiOutcome<EndpointWithSecret>> RotateSecretAsync(WebhookOwner owner, Guid id, CancellationToken ct)
    {
        var endpoint = await Owned(owner).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WebhookErrors.EndpointNotFound;
        var now = Now();
        var secret = WebhookSignature.NewSecret();
        endpoint.Rotate(secrets.Protect(secret), now + options.Value.RotationOverlap, now);
        await db.SaveChangesAsync(ct);
        return new EndpointWithSecret(endpoint, secret);
    }

    public async Task<ApiOutcome<DeliveryPage>> DeliveriesAsync(WebhookOwner owner, Guid id, Paging paging, CancellationToken ct)
    {
        if (!await Owned(owner).AnyAsync(e => e.Id == id, ct)) return WebhookErrors.EndpointNotFound;
        var log = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id);
        var total = await log.CountAsync(ct);
        var items = await log.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        return new DeliveryPage(items, total);
    }

    /// <summary>Sends one delivery again, as it was first built (same event id), whatever came of it before.</summary>
    public async Task<ApiOutcome<WebhookDelivery>> RedeliverAsync(WebhookOwner owner, Guid id, Guid deliveryId, CancellationToken ct)
    {
        var endpoint = await Owned(owner).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return WebhookErrors.EndpointNotFound;
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct);
        if (delivery is null) return WebhookErrors.DeliveryNotFound;
        if (!endpoint.Enabled) return WebhookErrors.EndpointDisabled;
        delivery.Redeliver(Now(), options.Value.Horizon);
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    private IQueryable<WebhookEndpoint> Owned(WebhookOwner owner) =>
        db.WebhookEndpoints.Where(e => e.OwnerKind == owner.Kind && e.OwnerId == owner.Id);

    private DateTimeOffset Now() => StoredTime.Of(clock.GetUtcNow());
}

public sealed record EndpointWithSecret(WebhookEndpoint Endpoint, string Secret);

public sealed record DeliveryPage(IReadOnlyList<WebhookDelivery> Items, int Total);
