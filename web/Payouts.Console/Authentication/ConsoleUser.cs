using System.Security.Claims;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Console.Authentication;

/// <summary>Who is signed in, read from the session's principal. The token itself stays out of every page.</summary>
public sealed record ConsoleUser(string Subject, IReadOnlyList<string> Roles, string? CompanyId, DateTimeOffset ExpiresAt)
{
    /// <summary>The session's own claim holding the platform token the console forwards to the gateway.</summary>
    public const string AccessTokenClaim = "payouts_console_access_token";

    /// <summary>When the session ends: the token's own expiry (seconds since the epoch).</summary>
    public const string ExpiresAtClaim = "payouts_console_expires_at";

    public bool IsAdmin => Roles.Any(PayoutsRoles.Administrators.Contains);

    public bool IsCompanyUser => CompanyId is not null;

    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var subject = principal.FindFirstValue(PayoutsClaimTypes.Subject);
        if (subject is null || SessionEnd(principal) is not { } expiresAt) return null;
        var company = principal.FindFirstValue(PayoutsClaimTypes.CompanyId);
        return new ConsoleUser(subject, [.. principal.FindAll(PayoutsClaimTypes.Role).Select(c => c.Value)],
            string.IsNullOrWhiteSpace(company) ? null : company, expiresAt);
    }

    public static DateTimeOffset? SessionEnd(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ExpiresAtClaim), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Whether the session is still open at <paramref name="now"/>: its token has not expired.</summary>
    public static bool IsOpen(ClaimsPrincipal principal, DateTimeOffset now) => SessionEnd(principal) is { } end && end > now;

    public static string? AccessToken(ClaimsPrincipal principal) => principal.FindFirstValue(AccessTokenClaim);
}
