using System.Security.Claims;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Who is calling: the token's user id (<c>sub</c>), tenant, and whether they may act for any user.</summary>
public sealed record Caller(string UserId, string? CompanyId, bool IsAdmin)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(PayoutsClaimTypes.Subject) ?? throw new InvalidOperationException("An authenticated caller has no 'sub' claim."),
        user.FindFirstValue(PayoutsClaimTypes.CompanyId),
        PayoutsRoles.Administrators.Any(user.IsInRole));

    /// <summary>
    /// The user a request acts for: the caller, or for administrators any <paramref name="requestedUserId"/>.
    /// A user naming someone else gets null, which endpoints answer with 404 (never revealing whether that user exists).
    /// </summary>
    public string? ActFor(string? requestedUserId) =>
        requestedUserId is null || requestedUserId == UserId ? UserId
        : IsAdmin ? requestedUserId
        : null;

    public bool CanSee(string ownerUserId) => IsAdmin || ownerUserId == UserId;
}
