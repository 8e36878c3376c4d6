using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Payouts.BatchService.Domain;

/// <summary>
/// Time-based one-time passwords as RFC 6238 defines them, with the parameters authenticator apps assume: HMAC-SHA1,
/// 30-second steps counted from the Unix epoch, 6 digits (RFC 4226's dynamic truncation).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Steps either side of now a code is still taken for: a phone's clock may be a little off.</summary>
    public const int AllowedDriftSteps = 1;

    /// <summary>An RFC 4226 secret of 160 bits, the length RFC 6238's SHA-1 examples use.</summary>
    public const int SecretBytes = 20;

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The time step <paramref name="time"/> falls in.</summary>
    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of <paramref name="step"/>, zero-padded to <see cref="Digits"/>; <paramref name="digits"/> only for RFC 6238's 8-digit vectors.</summary>
    public static string CodeAt(byte[] secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);

        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step whose code <paramref name="code"/> is, within <see cref="AllowedDriftSteps"/> of <paramref name="now"/> and
    /// later than <paramref name="lastUsedStep"/> (a code, once used, is never taken again); null when there is none.
    /// </summary>
    public static long? MatchingStep(byte[] secret, string code, DateTimeOffset now, long? lastUsedStep)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit)) return null;

        var current = StepAt(now);
        var given = Encoding.ASCII.GetBytes(code);
        for (var step = current - AllowedDriftSteps; step <= current + AllowedDriftSteps; step++)
        {
            if (step <= lastUsedStep) continue;
            // Constant time, so the comparison does not tell how many leading digits were right.
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeAt(secret, step)))) return step;
        }

        return null;
    }
}
