using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Http;

namespace Payouts.NotificationService.Endpoints.Responses;

/// <summary>A webhook endpoint as its owner reads it; never its secret (only registration and rotation return one, once).</summary>
public sealed record WebhookEndpointView(
    Guid Id, string Url, IEnumerable<string> Events, bool Enabled, string? DisabledReason, int ConsecutiveFailures,
    DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookEndpointView Of(WebhookEndpoint e) => new(
        e.Id, e.Url, e.EventTypes, e.Enabled, e.DisabledReason, e.ConsecutiveFailures, e.PreviousSecretExpiresAt, e.CreatedAt, e.UpdatedAt);
}

/// <summary>Registration and rotation: the endpoint, and its signing secret, shown this once.</summary>
public sealed record WebhookEndpointWithSecret(WebhookEndpointView Webhook, string Secret)
{
    public static WebhookEndpointWithSecret Of(EndpointWithSecret created) => new(WebhookEndpointView.Of(created.Endpoint), created.Secret);
}

public sealed record WebhookEndpointBody(WebhookEndpointView Webhook);

public sealed record WebhookEndpointList(IEnumerable<WebhookEndpointView> Webhooks);

/// <summary>One line of an endpoint's delivery log.</summary>
public sealed record WebhookDeliveryView(
    Guid Id, Guid EventId, string EventType, string Status, int Attempts, int? LastResponseCode, string? LastError, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt)
{
    public static WebhookDeliveryView Of(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastResponseCode, d.LastError, d.LastAttemptAt,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.CreatedAt);
}

public sealed record WebhookDeliveryPagination(int Page, int Limit, int Total, int TotalPages);

/// <summary><c>GET /api/v1/webhooks/{id}/deliveries/</c>: newest first.</summary>
public sealed record WebhookDeliveryList(IEnumerable<WebhookDeliveryView> Deliveries, WebhookDeliveryPagination Pagination)
{
    public static WebhookDeliveryList Of(DeliveryPage page, Paging paging) => new(
        page.Items.Select(WebhookDeliveryView.Of), new WebhookDeliveryPagination(paging.Page, paging.Limit, page.Total, paging.TotalPages(page.Total)));
}

public sealed record WebhookDeliveryBody(WebhookDeliveryView Delivery);

/// <summary>What a client sends to register or change an endpoint (form-encoded <c>events</c> is comma-separated).</summary>
public sealed record WebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled);
