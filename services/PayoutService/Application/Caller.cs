using System.Globalization;
using System.Security.Claims;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.PayoutService.Application;

/// <summary>Who is calling: the token's numeric user id (<c>sub</c>), tenant (<c>company_id</c>) and whether they are an admin.</summary>
public sealed record Caller(long UserId, string? CompanyId, bool IsAdmin)
{
    public string Subject => UserId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null when the token does not carry a numeric user id (platform tokens always do).</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (!long.TryParse(principal.FindFirstValue(PayoutsClaimTypes.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            || userId <= 0)
            return null;
        var company = principal.FindFirstValue(PayoutsClaimTypes.CompanyId);
        var isAdmin = PayoutsRoles.Administrators.Any(principal.IsInRole);
        return new Caller(userId, string.IsNullOrWhiteSpace(company) ? null : company.Trim(), isAdmin);
    }
}
