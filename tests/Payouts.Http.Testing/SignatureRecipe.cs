using System.Security.Cryptography;
using System.Text;

namespace Payouts.Http.Testing;

/// <summary>
/// A receiver's check of <c>Payouts-Signature</c>, written from the documented recipe (ARCHITECTURE §4), not from the
/// service's code: split <c>t=…,v1=…[,v1=…]</c>, HMAC-SHA256 <c>&lt;t&gt;.&lt;raw body&gt;</c> with the secret's UTF-8
/// bytes, lowercase hex, and accept when any v1 matches (in constant time) and t is recent.
/// </summary>
public static class SignatureRecipe
{
    public static bool Verifies(string header, string body, string secret, TimeSpan? tolerance = null)
    {
        var parts = header.Split(',').Select(part => part.Split('=', 2)).Where(kv => kv.Length == 2).ToList();
        var t = parts.Where(kv => kv[0] == "t").Select(kv => kv[1]).SingleOrDefault();
        if (t is null || !long.TryParse(t, out var seconds)) return false;
        if (Math.Abs((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > (tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))));
        return parts.Where(kv => kv[0] == "v1").Any(kv => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(kv[1]), expected));
    }

    public static int SignatureCount(string header) => header.Split(',').Count(part => part.StartsWith("v1=", StringComparison.Ordinal));
}
