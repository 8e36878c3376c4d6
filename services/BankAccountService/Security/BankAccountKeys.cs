using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Encryption;

namespace Payouts.BankAccountService.Security;

/// <summary>
/// Encryption keys (by id, for rotation: an <see cref="EncryptionKeyRing"/>) and the hashing key, from
/// <c>BankAccounts:Encryption:Keys:&lt;id&gt;</c> (base64, 32 bytes), <c>BankAccounts:Encryption:CurrentKeyId</c> and
/// <c>BankAccounts:Hashing:Key</c> (base64, ≥ 32 bytes).
/// </summary>
/// <remarks>
/// Only in the Development environment, when none of them is configured, keys are derived from the development secret (<c>DevelopmentSecret</c>)
/// (HKDF-SHA256, key id <c>dev</c>) so a local platform runs without setup and keeps reading its data across
/// restarts. Every other environment must configure them, or the service refuses to start.
/// </remarks>
public sealed class BankAccountKeys
{
    public const string DevelopmentKeyId = EncryptionKeyRing.DevelopmentKeyId;
    private const string EncryptionSection = "BankAccounts:Encryption";
    private const string HashingKeySetting = "BankAccounts:Hashing:Key";
    private const string EncryptionPurpose = "payouts/bank-accounts/encryption/v1";
    private const string HashingPurpose = "payouts/bank-accounts/hashing/v1";

    public BankAccountKeys(IReadOnlyDictionary<string, byte[]> encryptionKeys, string currentKeyId, byte[] hashingKey)
        : this(new EncryptionKeyRing(encryptionKeys, currentKeyId, EncryptionSection), hashingKey)
    {
    }

    private BankAccountKeys(EncryptionKeyRing encryption, byte[] hashingKey)
    {
        if (hashingKey.Length < EncryptionKeyRing.KeyBytes)
        {
            throw new InvalidOperationException($"{HashingKeySetting} must be at least {EncryptionKeyRing.KeyBytes} bytes (base64).");
        }

        Encryption = encryption;
        HashingKey = hashingKey;
    }

    public EncryptionKeyRing Encryption { get; }

    public string CurrentKeyId => Encryption.CurrentKeyId;

    public byte[] HashingKey { get; }

    public byte[] CurrentKey => Encryption.CurrentKey;

    public static BankAccountKeys FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var encryption = EncryptionKeyRing.FromConfiguration(configuration, EncryptionSection);
        var hashingKey = configuration[HashingKeySetting];

        if (encryption is null && string.IsNullOrWhiteSpace(hashingKey) && environment.IsDevelopment())
        {
            return DerivedFromDevelopmentSecret(DevelopmentSecret.Bytes(configuration));
        }

        if (encryption is null || string.IsNullOrWhiteSpace(hashingKey))
        {
            throw new InvalidOperationException(
                "Bank account encryption is not configured: set BankAccounts:Encryption:Keys:<id> (base64, 32 bytes), " +
                "BankAccounts:Encryption:CurrentKeyId and BankAccounts:Hashing:Key (base64, at least 32 bytes).");
        }

        return new BankAccountKeys(encryption, EncryptionKeyRing.DecodeBase64(hashingKey, HashingKeySetting));
    }

    /// <summary>Development keys, deterministic for a given secret and distinct per purpose.</summary>
    public static BankAccountKeys DerivedFromDevelopmentSecret(byte[] secret) => new(
        EncryptionKeyRing.DerivedFrom(secret, EncryptionPurpose, EncryptionSection),
        EncryptionKeyRing.DeriveKey(secret, HashingPurpose));
}
