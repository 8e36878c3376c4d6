using System.Security.Cryptography;
using System.Text;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BankAccountService.Security;

/// <summary>
/// Encryption keys (by id, for rotation) and the hashing key, from <c>BankAccounts:Encryption:Keys:&lt;id&gt;</c> (base64,
/// 32 bytes), <c>BankAccounts:Encryption:CurrentKeyId</c> and <c>BankAccounts:Hashing:Key</c> (base64, ≥ 32 bytes).
/// </summary>
/// <remarks>
/// Only in the Development environment, when none of them is configured, keys are derived from <c>Auth:SigningKey</c>
/// (HKDF-SHA256, key id <c>dev</c>) so a local platform runs without setup and keeps reading its data across
/// restarts. Every other environment must configure them, or the service refuses to start.
/// </remarks>
public sealed class BankAccountKeys
{
    public const string DevelopmentKeyId = "dev";
    private const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _encryptionKeys;

    public BankAccountKeys(IReadOnlyDictionary<string, byte[]> encryptionKeys, string currentKeyId, byte[] hashingKey)
    {
        if (!encryptionKeys.ContainsKey(currentKeyId))
        {
            throw new InvalidOperationException($"BankAccounts:Encryption:CurrentKeyId '{currentKeyId}' names no configured key.");
        }

        foreach (var (id, key) in encryptionKeys)
        {
            if (key.Length != KeyBytes) throw new InvalidOperationException($"BankAccounts:Encryption:Keys:{id} must be {KeyBytes} bytes (base64).");
            if (id.Contains(':', StringComparison.Ordinal)) throw new InvalidOperationException($"Key id '{id}' must not contain ':'.");
        }

        if (hashingKey.Length < KeyBytes)
        {
            throw new InvalidOperationException($"BankAccounts:Hashing:Key must be at least {KeyBytes} bytes (base64).");
        }

        _encryptionKeys = encryptionKeys.ToDictionary(k => k.Key, k => k.Value);
        CurrentKeyId = currentKeyId;
        HashingKey = hashingKey;
    }

    public string CurrentKeyId { get; }

    public byte[] HashingKey { get; }

    public byte[] CurrentKey => _encryptionKeys[CurrentKeyId];

    public byte[] KeyFor(string keyId) =>
        _encryptionKeys.TryGetValue(keyId, out var key)
            ? key
            : throw new CryptographicException($"No encryption key '{keyId}' is configured (BankAccounts:Encryption:Keys:{keyId}).");

    public static BankAccountKeys FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("BankAccounts");
        var keys = section.GetSection("Encryption:Keys").GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, k => Decode(k.Value!, $"BankAccounts:Encryption:Keys:{k.Key}"));
        var currentKeyId = section["Encryption:CurrentKeyId"];
        var hashingKey = section["Hashing:Key"];

        if (keys.Count == 0 && string.IsNullOrWhiteSpace(currentKeyId) && string.IsNullOrWhiteSpace(hashingKey) && environment.IsDevelopment())
        {
            return DerivedFromSigningKey(AuthSettings.FromConfiguration(configuration).GetSigningKeyBytes());
        }

        if (keys.Count == 0 || string.IsNullOrWhiteSpace(currentKeyId) || string.IsNullOrWhiteSpace(hashingKey))
        {
            throw new InvalidOperationException(
                "Bank account encryption is not configured: set BankAccounts:Encryption:Keys:<id> (base64, 32 bytes), " +
                "BankAccounts:Encryption:CurrentKeyId and BankAccounts:Hashing:Key (base64, at least 32 bytes).");
        }

        return new BankAccountKeys(keys, currentKeyId, Decode(hashingKey, "BankAccounts:Hashing:Key"));
    }

    /// <summary>Development keys, deterministic for a given signing key and distinct per purpose.</summary>
    public static BankAccountKeys DerivedFromSigningKey(byte[] signingKey)
    {
        var encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, KeyBytes, info: Encoding.UTF8.GetBytes("payouts/bank-accounts/encryption/v1"));
        var hashing = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, KeyBytes, info: Encoding.UTF8.GetBytes("payouts/bank-accounts/hashing/v1"));
        return new BankAccountKeys(new Dictionary<string, byte[]> { [DevelopmentKeyId] = encryption }, DevelopmentKeyId, hashing);
    }

    private static byte[] Decode(string base64, string key)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{key} is not valid base64.");
        }
    }
}
