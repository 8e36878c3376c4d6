using System.Globalization;
using System.Security.Claims;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Authentication;

/// <summary>Who is calling: the token's subject (<c>sub</c>), tenant (<c>company_id</c>) and whether they may act for any user.</summary>
public sealed record Caller(string Subject, string? CompanyId, bool IsAdmin)
{
    /// <summary>The answer to a token that names no user this service can act for.</summary>
    public static readonly ApiError Unidentified = ApiError.InsufficientPermissions("The token does not identify a platform user");

    /// <summary>The subject as a platform user id (platform tokens carry a positive whole number); null for any other subject.</summary>
    public long? UserId =>
        long.TryParse(Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) && userId > 0 ? userId : null;

    /// <summary>Null when the token has no subject (tokens of an outside authority may not).</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(PayoutsClaimTypes.Subject);
        if (string.IsNullOrEmpty(subject)) return null;
        var company = principal.FindFirstValue(PayoutsClaimTypes.CompanyId);
        return new Caller(subject, string.IsNullOrWhiteSpace(company) ? null : company.Trim(), PayoutsRoles.Administrators.Any(principal.IsInRole));
    }

    /// <summary>
    /// The user a request acts for: the caller, or for administrators any <paramref name="requestedSubject"/>.
    /// A user naming someone else gets null, which endpoints answer with 404 (never revealing whether that user exists).
    /// </summary>
    public string? ActFor(string? requestedSubject) =>
        requestedSubject is null || requestedSubject == Subject ? Subject
        : IsAdmin ? requestedSubject
        : null;
}
