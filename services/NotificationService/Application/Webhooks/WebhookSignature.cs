using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>
/// The <c>Payouts-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>, each v1 the
/// lowercase hex HMAC-SHA256, keyed by one active secret's UTF-8 bytes, of <c>&lt;t&gt;.&lt;raw body&gt;</c>. During
/// a rotation's overlap there is one v1 per secret, the current one first. ARCHITECTURE §4 has a worked example.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Payouts-Signature";
    public const string EventIdHeader = "Payouts-Event-Id";
    public const string EventTypeHeader = "Payouts-Event-Type";

    public static string HeaderValue(long timestamp, string body, IEnumerable<string> secrets) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)}" + string.Concat(secrets.Select(secret => $",v1={Sign(secret, timestamp, body)}"));

    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>A new secret: <c>whsec_</c> and 32 random bytes, base64url.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
