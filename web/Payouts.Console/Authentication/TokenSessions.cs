using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Console.Authentication;

/// <summary>
/// Turns a platform token into the console's session principal: validated exactly as the services validate it, keeping
/// only the claims the console reads, the token (to call the gateway with) and its expiry (when the session ends).
/// </summary>
public sealed class TokenSessions(AuthSettings settings)
{
    public const string AuthenticationType = "payouts-console";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _validation = PayoutsTokenValidation.For(settings);

    public async Task<(ClaimsPrincipal? Principal, string? Error)> ValidateAsync(string? token)
    {
        token = token?.Trim();
        if (string.IsNullOrEmpty(token)) return (null, "Paste a token to sign in.");
        if (settings.SigningKey is null) return (null, "This console signs in through its identity provider, not with a pasted token.");

        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
            return (null, result.Exception is SecurityTokenExpiredException ? "The token has expired: mint a new one." : "The token is not one this platform accepts.");
        return (PrincipalFor(token, result.ClaimsIdentity.Claims, result.SecurityToken.ValidTo), null);
    }

    /// <summary>The session principal for a token already validated (by the sign-in above, or by the OIDC handler).</summary>
    public static ClaimsPrincipal PrincipalFor(string token, IEnumerable<Claim> claims, DateTime validToUtc)
    {
        var kept = claims
            .Where(c => c.Type is PayoutsClaimTypes.Subject or PayoutsClaimTypes.Role or PayoutsClaimTypes.CompanyId)
            .Select(c => new Claim(c.Type, c.Value))
            .Append(new Claim(ConsoleUser.AccessTokenClaim, token))
            .Append(new Claim(ConsoleUser.ExpiresAtClaim, new DateTimeOffset(validToUtc, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(kept, AuthenticationType, PayoutsClaimTypes.Subject, PayoutsClaimTypes.Role));
    }
}
