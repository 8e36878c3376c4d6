using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Payouts.ServiceDefaults.Authentication;

/// <summary>
/// Mints HS256 tokens that the platform's signing-key mode accepts. For local runs (the AppHost's
/// <c>token</c> command) and tests; production tokens come from the OIDC authority.
/// </summary>
public sealed class LocalTokenIssuer
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(12);

    private readonly AuthSettings _settings;
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;

    public LocalTokenIssuer(AuthSettings settings, TimeProvider? timeProvider = null)
    {
        _settings = settings;
        _credentials = new SigningCredentials(new SymmetricSecurityKey(settings.GetSigningKeyBytes()), SecurityAlgorithms.HmacSha256);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Reads <c>Auth:SigningKey</c>, <c>Auth:Issuer</c> and <c>Auth:Audience</c>.</summary>
    public LocalTokenIssuer(IConfiguration configuration, TimeProvider? timeProvider = null)
        : this(AuthSettings.FromConfiguration(configuration), timeProvider)
    {
    }

    public string Issue(AuthTokenRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Subject);
        var lifetime = request.Lifetime ?? DefaultLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Token lifetime must be positive.");
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [PayoutsClaimTypes.Subject] = request.Subject,
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        };
        if (request.Roles.Count > 0)
        {
            // One role stays a string; several become a JSON array, which JwtBearer reads as several role claims.
            claims[PayoutsClaimTypes.Role] = request.Roles.Count == 1 ? request.Roles[0] : request.Roles.ToArray();
        }

        if (!string.IsNullOrWhiteSpace(request.CompanyId))
        {
            claims[PayoutsClaimTypes.CompanyId] = request.CompanyId;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _settings.Issuer,
            Audience = _settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = _credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
