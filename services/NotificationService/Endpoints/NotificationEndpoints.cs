using System.Globalization;
using Payouts.NotificationService.Application;
using Payouts.NotificationService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.NotificationService.Endpoints;

/// <summary>
/// The caller's in-app notifications under <c>/api/v1/notifications</c>, in the app family (seed 000's plain bodies and
/// <c>{error, message, field?}</c> errors): the list, newest first and paged, with the unread count; mark one or all read.
/// </summary>
public static class NotificationEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications").RequireAuthorization();
        notifications.MapGet("/", List).Produces<NotificationList>().WithSummary("List the caller's notifications, newest first");
        notifications.MapPost("/{id}/read/", MarkRead).Produces<NotificationRead>().WithSummary("Mark one notification read");
        notifications.MapPost("/read-all/", MarkAllRead).Produces<NotificationsRead>().WithSummary("Mark all the caller's notifications read");
        return app;
    }

    private static async Task<IResult> List(HttpContext http, NotificationInbox inbox, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        var errors = new FieldErrors();
        var paging = Paging.From(Number(http.Request.Query, "page", errors), Number(http.Request.Query, "limit", errors), DefaultLimit, MaxLimit, errors);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var page = await inbox.ListAsync(caller, paging, ct);
        return FamilyJson.Result(NotificationList.Of(page, paging));
    }

    private static async Task<IResult> MarkRead(string id, HttpContext http, NotificationInbox inbox, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        // An id that is no notification id is as unknown as another user's.
        if (!Guid.TryParse(id, out var notificationId)) return NotificationErrors.NotFound.ToResult();

        var read = await inbox.MarkReadAsync(caller, notificationId, ct);
        return read.Value is { } done ? FamilyJson.Result(NotificationRead.Of(done)) : read.Error!.ToResult();
    }

    private static async Task<IResult> MarkAllRead(HttpContext http, NotificationInbox inbox, CancellationToken ct)
    {
        if (Caller.From(http.User) is not { } caller) return Caller.Unidentified.ToResult();
        var (marked, unread) = await inbox.MarkAllReadAsync(caller, ct);
        return FamilyJson.Result(new NotificationsRead(marked, unread));
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
