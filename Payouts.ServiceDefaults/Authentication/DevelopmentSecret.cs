using System.Text;
using Microsoft.Extensions.Configuration;

namespace Payouts.ServiceDefaults.Authentication;

/// <summary>
/// The one secret a local platform's Development-only keys (column encryption, the micro-deposit seal) are derived from,
/// so it runs without key setup and reads its data across restarts: <c>Development:Secret</c>, or when that is not set
/// the dev signing key <c>Auth:SigningKey</c>. A platform that trusts an external issuer has no signing key, so the
/// AppHost gives it the same secret as <c>Development:Secret</c> and the derived keys stay the same.
/// </summary>
public static class DevelopmentSecret
{
    public const string ConfigurationKey = "Development:Secret";

    public static byte[] Bytes(IConfiguration configuration)
    {
        var secret = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(secret))
        {
            var settings = AuthSettings.FromConfiguration(configuration);
            return settings.SigningKey is not null
                ? settings.GetSigningKeyBytes()
                : throw new InvalidOperationException(
                    $"Development keys are derived from '{ConfigurationKey}' or the dev signing key '{AuthSettings.SectionName}:SigningKey', and neither is configured: set one, or configure the keys themselves.");
        }

        var bytes = Encoding.UTF8.GetBytes(secret);
        return bytes.Length >= AuthSettings.MinimumSigningKeyBytes
            ? bytes
            : throw new InvalidOperationException($"'{ConfigurationKey}' must be at least {AuthSettings.MinimumSigningKeyBytes} bytes of UTF-8 (it has {bytes.Length}).");
    }
}
