using Payouts.NotificationService.Application.Email;
using Payouts.NotificationService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.NotificationService.Endpoints;

/// <summary>
/// The caller's email preferences under <c>/api/v1/notifications/preferences</c> (app family): per notification type,
/// whether it mails them. Every subscribable type is listed; all are on until turned off.
/// </summary>
public static class NotificationPreferenceEndpoints
{
    public static IEndpointRouteBuilder MapNotificationPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/api/v1/notifications/preferences").RequireAuthorization();
        preferences.MapGet("/", Get).Produces<NotificationPreferences>().WithSummary("Which notification types email the caller");
        preferences.MapPut("/", Update).Accepts<NotificationPreferences>("application/json", "application/x-www-form-urlencoded")
            .Produces<NotificationPreferences>().WithSummary("Turn email on or off per notification type (types not named are unchanged)");
        return app;
    }

    private static async Task<IResult> Get(HttpContext http, EmailPreferences preferences, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        return FamilyJson.Result(NotificationPreferences.Of(await preferences.ForAsync(caller, ct)));
    }

    /// <summary>Body <c>{"email": {"payout.completed": false}}</c>, or form fields <c>email[payout.completed]=false</c>.</summary>
    private static async Task<IResult> Update(HttpRequest request, EmailPreferences preferences)
    {
        if (Caller.From(request.HttpContext.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var email = fields.Object("email", errors);
        if (email is null && errors.IsEmpty) errors.Add("email", "The email field is required: an object of notification types to true or false.");
        var choices = new Dictionary<string, bool>();
        foreach (var type in email?.Names ?? [])
        {
            var inner = new FieldErrors();
            if (email!.Boolean(type, inner) is { } on) choices[type] = on;
            else errors.Add($"email.{type}", $"The email setting for {type} must be true or false.");
        }

        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();
        var updated = await preferences.UpdateAsync(caller, choices, request.HttpContext.RequestAborted);
        return updated.Value is { } done ? FamilyJson.Result(NotificationPreferences.Of(done)) : updated.Error!.ToResult();
    }
}
