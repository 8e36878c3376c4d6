using System.Globalization;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Domain;
using Payouts.NotificationService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.NotificationService.Endpoints;

/// <summary>
/// The caller's webhook endpoints under <c>/api/v1/webhooks</c> (app family): register (the secret returned once),
/// list, read, change or enable again, delete, rotate the secret, the delivery log and redelivering one delivery.
/// A company user manages the company's endpoints, anyone else their own.
/// </summary>
public static class WebhookEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/v1/webhooks").RequireAuthorization();
        webhooks.MapPost("/", Register).Accepts<WebhookEndpointRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<WebhookEndpointWithSecret>(StatusCodes.Status201Created).WithSummary("Register a webhook endpoint; its signing secret is returned once");
        webhooks.MapGet("/", List).Produces<WebhookEndpointList>().WithSummary("List the caller's webhook endpoints");
        webhooks.MapGet("/{id}/", Get).Produces<WebhookEndpointBody>().WithSummary("Read one webhook endpoint");
        webhooks.MapPut("/{id}/", Update).Accepts<WebhookEndpointRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<WebhookEndpointBody>().WithSummary("Change a webhook endpoint's URL or events, or enable it again");
        webhooks.MapDelete("/{id}/", Delete).Produces<StatusMessage>().WithSummary("Delete a webhook endpoint and its delivery log");
        webhooks.MapPost("/{id}/rotate-secret/", Rotate).Produces<WebhookEndpointWithSecret>()
            .WithSummary("Rotate the signing secret; the new one is returned once, the old one signs too during the overlap");
        webhooks.MapGet("/{id}/deliveries/", Deliveries).Produces<WebhookDeliveryList>().WithSummary("The endpoint's delivery log, newest first");
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver/", Redeliver).Produces<WebhookDeliveryBody>(StatusCodes.Status202Accepted)
            .WithSummary("Send one delivery again, with the same event id");
        return app;
    }

    private static async Task<IResult> Register(HttpRequest request, WebhookSubscriptions subscriptions)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var url = fields.Text("url", errors, WebhookUrlPolicy.MaxUrlLength, required: true, label: "url");
        var events = Events(fields, errors, required: true);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var created = await subscriptions.RegisterAsync(WebhookOwner.Of(caller), url!, events!, request.HttpContext.RequestAborted);
        return created.Value is { } done ? FamilyJson.Result(WebhookEndpointWithSecret.Of(done), StatusCodes.Status201Created) : created.Error!.ToResult();
    }

    private static async Task<IResult> List(HttpContext http, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        var endpoints = await subscriptions.ListAsync(WebhookOwner.Of(caller), ct);
        return FamilyJson.Result(new WebhookEndpointList(endpoints.Select(WebhookEndpointView.Of)));
    }

    private static async Task<IResult> Get(string id, HttpContext http, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        if (!Guid.TryParse(id, out var endpointId)) return WebhookErrors.EndpointNotFound.ToResult();
        var endpoint = await subscriptions.GetAsync(WebhookOwner.Of(caller), endpointId, ct);
        return endpoint.Value is { } found ? FamilyJson.Result(new WebhookEndpointBody(WebhookEndpointView.Of(found))) : endpoint.Error!.ToResult();
    }

    private static async Task<IResult> Update(string id, HttpRequest request, WebhookSubscriptions subscriptions)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        // An id that is no endpoint id is as unknown as another owner's.
        if (!Guid.TryParse(id, out var endpointId)) return WebhookErrors.EndpointNotFound.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var url = fields.Text("url", errors, WebhookUrlPolicy.MaxUrlLength, required: false, label: "url");
        var events = Events(fields, errors, required: false);
        var enabled = fields.Boolean("enabled", errors);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var updated = await subscriptions.UpdateAsync(WebhookOwner.Of(caller), endpointId, url, events, enabled, request.HttpContext.RequestAborted);
        return updated.Value is { } done ? FamilyJson.Result(new WebhookEndpointBody(WebhookEndpointView.Of(done))) : updated.Error!.ToResult();
    }

    private static async Task<IResult> Delete(string id, HttpContext http, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        if (!Guid.TryParse(id, out var endpointId) || !await subscriptions.DeleteAsync(WebhookOwner.Of(caller), endpointId, ct))
        {
            return WebhookErrors.EndpointNotFound.ToResult();
        }

        return FamilyJson.Result(StatusMessage.Success("Webhook endpoint deleted"));
    }

    private static async Task<IResult> Rotate(string id, HttpContext http, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        if (!Guid.TryParse(id, out var endpointId)) return WebhookErrors.EndpointNotFound.ToResult();
        var rotated = await subscriptions.RotateSecretAsync(WebhookOwner.Of(caller), endpointId, ct);
        return rotated.Value is { } done ? FamilyJson.Result(WebhookEndpointWithSecret.Of(done)) : rotated.Error!.ToResult();
    }

    private static async Task<IResult> Deliveries(string id, HttpContext http, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        var errors = new FieldErrors();
        var paging = Paging.From(Number(http.Request.Query, "page", errors), Number(http.Request.Query, "limit", errors), DefaultLimit, MaxLimit, errors);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();
        if (!Guid.TryParse(id, out var endpointId)) return WebhookErrors.EndpointNotFound.ToResult();

        var page = await subscriptions.DeliveriesAsync(WebhookOwner.Of(caller), endpointId, paging, ct);
        return page.Value is { } found ? FamilyJson.Result(WebhookDeliveryList.Of(found, paging)) : page.Error!.ToResult();
    }

    private static async Task<IResult> Redeliver(string id, string deliveryId, HttpContext http, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        if (!Guid.TryParse(id, out var endpointId)) return WebhookErrors.EndpointNotFound.ToResult();
        if (!Guid.TryParse(deliveryId, out var delivery)) return WebhookErrors.DeliveryNotFound.ToResult();
        var redelivered = await subscriptions.RedeliverAsync(WebhookOwner.Of(caller), endpointId, delivery, ct);
        return redelivered.Value is { } done
            ? FamilyJson.Result(new WebhookDeliveryBody(WebhookDeliveryView.Of(done)), StatusCodes.Status202Accepted)
            : redelivered.Error!.ToResult();
    }

    /// <summary>The <c>events</c> field: known event types only, at least one when given.</summary>
    private static IReadOnlyList<string>? Events(RequestFields fields, FieldErrors errors, bool required)
    {
        var events = fields.Texts("events", errors, NotificationTypes.Subscribable.Count);
        if (errors.Has("events")) return null;
        if (events is null or { Count: 0 })
        {
            if (required || events is not null) errors.Add("events", "The events field must name at least one event type.");
            return null;
        }

        var unknown = events.Where(type => !NotificationTypes.Subscribable.Contains(type)).ToList();
        if (unknown.Count == 0) return events;
        errors.Add("events", $"Unknown event type(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", NotificationTypes.Subscribable)}.");
        return null;
    }

    /// <summary>A whole-number query parameter; absent is null, anything else (text, repeated) is a field error.</summary>
    private static int? Number(IQueryCollection query, string name, FieldErrors errors)
    {
        if (!query.TryGetValue(name, out var values)) return null;
        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(name, $"The {name} must be a whole number.");
        return null;
    }
}
