using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>The shared request toolkit as payout endpoints use it.</summary>
public static class PayoutRequestExtensions
{
    /// <summary>The caller when the token names a platform user (a numeric <c>sub</c>); others get <see cref="Caller.Unidentified"/>.</summary>
    public static Caller? PlatformCaller(this HttpContext context) =>
        Caller.From(context.User) is { UserId: not null } caller ? caller : null;

    /// <summary>
    /// The caller of an admin-only endpoint: any subject, since seed 004 identifies admins by uuid
    /// (<c>processedBy: "admin-uuid-here"</c>), not only platform users.
    /// </summary>
    public static Caller? AdminCaller(this HttpContext context) =>
        Caller.From(context.User) is { IsAdmin: true } caller ? caller : null;

    /// <summary>The body's fields; a body of another type than form or JSON is a 415.</summary>
    public static Task<(RequestFields? Fields, ApiError? Error)> ReadFieldsAsync(this HttpRequest request, CancellationToken cancellationToken) =>
        RequestFields.ReadAsync(request, RequestBodyErrors.UnsupportedMediaType, cancellationToken);
}
