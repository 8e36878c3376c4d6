using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Tests.Support;

/// <summary>A user's authenticator app: the enrolled secret, and its code at any time of the service's clock.</summary>
public sealed class Authenticator(byte[] secret)
{
    public static Authenticator FromBase32(string base32) => new(Base32Decode(base32));

    public string CodeAt(DateTimeOffset time) => Totp.CodeAt(secret, Totp.StepAt(time));

    /// <summary>RFC 4648 base32 without padding, as the enrollment answer writes the secret.</summary>
    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = ((buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal)) & 0xffff; // only the bits not yet written matter
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }

        return [.. bytes];
    }
}
