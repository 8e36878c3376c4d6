using System.Security.Cryptography;
using System.Text;

namespace Payouts.ServiceDefaults.Encryption;

/// <summary>
/// Encrypts a secret column's values at rest with AES-256-GCM. A ciphertext is <c>keyId:base64(nonce|tag|data)</c>, so
/// rows written under an older key stay readable after the ring's current key moves on. The purpose is authenticated
/// data: a ciphertext made for one column does not decrypt as another's.
/// </summary>
public sealed class FieldEncryptor(EncryptionKeyRing keys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Encrypt(string plaintext, string purpose)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceBytes + TagBytes + data.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.CurrentKey, TagBytes);
        aes.Encrypt(nonce, data, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(purpose));
        return $"{keys.CurrentKeyId}:{Convert.ToBase64String(output)}";
    }

    /// <summary>The plaintext; a <see cref="CryptographicException"/> for a tampered ciphertext, another purpose's, or an unknown key.</summary>
    public string Decrypt(string ciphertext, string purpose)
    {
        var separator = ciphertext.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new CryptographicException("The ciphertext has no key id.");
        }

        var key = keys.KeyFor(ciphertext[..separator]);
        var input = Convert.FromBase64String(ciphertext[(separator + 1)..]);
        var data = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), data, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(data);
    }

    /// <summary>The key id a ciphertext was written with.</summary>
    public static string KeyIdOf(string ciphertext) => ciphertext[..ciphertext.IndexOf(':', StringComparison.Ordinal)];
}
