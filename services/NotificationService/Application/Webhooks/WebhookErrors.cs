using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.NotificationService.Application.Webhooks;

public static class WebhookErrors
{
    /// <summary>Another owner's endpoint, or none: the caller cannot tell which.</summary>
    public static readonly ApiError EndpointNotFound = ApiError.NotFound("Webhook endpoint not found");

    public static readonly ApiError DeliveryNotFound = ApiError.NotFound("Webhook delivery not found");

    public static readonly ApiError EndpointDisabled = new(409, "endpoint_disabled",
        "The webhook endpoint is disabled: enable it (PUT with enabled=true) before redelivering");
}
