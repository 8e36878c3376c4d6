using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Payouts.Testing;

/// <summary>
/// A user's authenticator app in tests: RFC 6238 codes (HMAC-SHA1, 30 s steps, 6 digits) from the base32 secret the
/// enrollment answered. Written apart from the service's own TOTP so each checks the other.
/// </summary>
public sealed class TotpAuthenticator(byte[] secret)
{
    public const int StepSeconds = 30;

    public static TotpAuthenticator FromBase32(string base32) => new(Base32Decode(base32));

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public string CodeAt(DateTimeOffset time) => CodeAtStep(StepAt(time));

    public string CodeAtStep(long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, padding optional.</summary>
    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = ((buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal)) & 0xffff;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }

        return [.. bytes];
    }
}
