using System.Text;
using Microsoft.Extensions.Configuration;

namespace Payouts.ServiceDefaults.Authentication;

/// <summary>
/// The <c>Auth:*</c> configuration: either a local symmetric signing key (development, tests,
/// the AppHost's <c>token</c> command) or an OIDC authority.
/// </summary>
/// <param name="SigningKey">UTF-8 HS256 key of at least 32 bytes (<c>Auth:SigningKey</c>).</param>
/// <param name="Issuer">Token issuer for the signing-key mode (<c>Auth:Issuer</c>).</param>
/// <param name="Audience">Expected audience (<c>Auth:Audience</c>).</param>
/// <param name="Authority">OIDC authority; when set, keys and issuer come from its metadata (<c>Auth:Authority</c>).</param>
public sealed record AuthSettings(
    string? SigningKey,
    string Issuer = AuthSettings.DefaultIssuer,
    string Audience = AuthSettings.DefaultAudience,
    string? Authority = null)
{
    public const string SectionName = "Auth";
    public const string DefaultIssuer = "payouts-local";
    public const string DefaultAudience = "payouts";
    public const int MinimumSigningKeyBytes = 32;

    public static AuthSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new AuthSettings(
            SigningKey: NullIfBlank(section["SigningKey"]),
            Issuer: NullIfBlank(section["Issuer"]) ?? DefaultIssuer,
            Audience: NullIfBlank(section["Audience"]) ?? DefaultAudience,
            Authority: NullIfBlank(section["Authority"]));
    }

    /// <summary>The signing key's bytes; throws when the key is missing or too short to be safe for HS256.</summary>
    public byte[] GetSigningKeyBytes()
    {
        if (SigningKey is null)
        {
            throw new InvalidOperationException($"'{SectionName}:SigningKey' is not configured.");
        }

        var bytes = Encoding.UTF8.GetBytes(SigningKey);
        if (bytes.Length < MinimumSigningKeyBytes)
        {
            throw new InvalidOperationException(
                $"'{SectionName}:SigningKey' must be at least {MinimumSigningKeyBytes} bytes of UTF-8 (it has {bytes.Length}).");
        }

        return bytes;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
