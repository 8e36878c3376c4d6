using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>Whose endpoints a caller manages: a company user's company's, otherwise the user's own.</summary>
public sealed record WebhookOwner(string Kind, string Id)
{
    public static WebhookOwner Of(Caller caller) =>
        caller.CompanyId is { } company ? new(WebhookOwners.Company, company) : new(WebhookOwners.User, caller.Subject);
}
