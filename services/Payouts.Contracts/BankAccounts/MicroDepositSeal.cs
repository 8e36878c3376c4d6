using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// Seals the two micro-deposit amounts of a verification for their trip from BankAccountService to settlement
/// (<c>SendMicroDeposits.SealedAmounts</c>): whoever reads the outbox table or the broker without the key cannot
/// confirm an account they do not own. AES-256-GCM, a fresh nonce per seal, the verification id as associated data
/// (a sealed pair cannot be moved to another verification). Text form: base64 of nonce ‖ ciphertext ‖ tag.
/// </summary>
/// <remarks>
/// The key is <c>MicroDeposits:SealingKey</c> (base64, 32 bytes), the same in both services. Only in the Development
/// environment, when it is not configured, it is derived from the development secret (HKDF-SHA256; <c>DevelopmentSecret</c>), which every service
/// of a local platform shares. Any other environment without it refuses to start (<c>MicroDepositSealRegistration</c>
/// in Payouts.Messaging reads it).
/// </remarks>
public sealed class MicroDepositSeal
{
    public const string ConfigurationKey = "MicroDeposits:SealingKey";
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public MicroDepositSeal(byte[] key)
    {
        if (key.Length != KeyBytes) throw new InvalidOperationException($"{ConfigurationKey} must be {KeyBytes} bytes (base64).");
        _key = key;
    }

    /// <summary>The Development key: deterministic for a given secret, used for nothing else.</summary>
    public static MicroDepositSeal DerivedFromDevelopmentSecret(byte[] secret) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, KeyBytes, info: Encoding.UTF8.GetBytes("payouts/micro-deposits/seal/v1")));

    public string Seal(Guid verificationId, decimal amount1, decimal amount2)
    {
        var plaintext = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{amount1}|{amount2}"));
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(NonceBytes + plaintext.Length), verificationId.ToByteArray());
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The two amounts; a <see cref="CryptographicException"/> when the text was not sealed for this verification with this key.</summary>
    public (decimal Amount1, decimal Amount2) Unseal(Guid verificationId, string sealedAmounts)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedAmounts);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The sealed micro-deposit amounts are not base64.", e);
        }

        if (sealedBytes.Length <= NonceBytes + TagBytes) throw new CryptographicException("The sealed micro-deposit amounts are too short.");
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(NonceBytes + plaintext.Length),
            plaintext, verificationId.ToByteArray());
        var parts = Encoding.UTF8.GetString(plaintext).Split('|');
        return (decimal.Parse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
            decimal.Parse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }
}
