using Microsoft.IdentityModel.Tokens;

namespace Payouts.ServiceDefaults.Authentication;

/// <summary>
/// The checks every service makes of a platform token, so that whatever else accepts one (the console's sign-in)
/// accepts exactly what the services accept.
/// </summary>
public static class PayoutsTokenValidation
{
    /// <summary>
    /// Audience, lifetime and signature always; in signing-key mode also the issuer, HS256 and the key (without a key
    /// every token fails). With an authority, its metadata supplies issuer and keys.
    /// </summary>
    public static TokenValidationParameters For(AuthSettings settings)
    {
        var parameters = new TokenValidationParameters
        {
            NameClaimType = PayoutsClaimTypes.Subject,
            RoleClaimType = PayoutsClaimTypes.Role,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        if (settings.Authority is not null) return parameters;

        parameters.ValidIssuer = settings.Issuer;
        parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        if (settings.SigningKey is not null)
            parameters.IssuerSigningKey = new SymmetricSecurityKey(settings.GetSigningKeyBytes());
        return parameters;
    }
}
