using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Gateway.RateLimiting;

/// <summary>
/// Whose budget a request spends: a validated token's own (its subject plus a hash of the token,
/// so two tokens of one user are limited apart), else the client IP. Unvalidated tokens never
/// pick the partition, so garbage tokens cannot mint fresh budgets.
/// </summary>
public static class RateLimitPartitionKeys
{
    public static string For(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && BearerToken(context.Request) is { } token)
        {
            var subject = context.User.FindFirst(PayoutsClaimTypes.Subject)?.Value ?? string.Empty;
            return $"token:{subject}:{TokenHash(token)}";
        }

        return $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[scheme.Length..].Trim()
            : null;
    }

    private static string TokenHash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 16);
}
