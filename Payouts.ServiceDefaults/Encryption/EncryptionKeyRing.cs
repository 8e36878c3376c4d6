using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.ServiceDefaults.Encryption;

/// <summary>
/// AES-256 keys by id, for rotation: <see cref="FieldEncryptor"/> writes with <see cref="CurrentKeyId"/>'s key and reads
/// any ciphertext whose key is still configured. Configured as <c>{section}:Keys:&lt;id&gt;</c> (base64, 32 bytes) and
/// <c>{section}:CurrentKeyId</c>; never kept in the repository.
/// </summary>
public sealed class EncryptionKeyRing
{
    /// <summary>The id of keys derived for a Development platform (<see cref="DerivedFrom"/>).</summary>
    public const string DevelopmentKeyId = "dev";

    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _section;

    public EncryptionKeyRing(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, string section)
    {
        if (!keys.ContainsKey(currentKeyId))
        {
            throw new InvalidOperationException($"{section}:CurrentKeyId '{currentKeyId}' names no configured key.");
        }

        foreach (var (id, key) in keys)
        {
            if (key.Length != KeyBytes) throw new InvalidOperationException($"{section}:Keys:{id} must be {KeyBytes} bytes (base64).");
            if (id.Contains(':', StringComparison.Ordinal)) throw new InvalidOperationException($"Key id '{id}' must not contain ':'.");
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value);
        _section = section;
        CurrentKeyId = currentKeyId;
    }

    public string CurrentKeyId { get; }

    public byte[] CurrentKey => _keys[CurrentKeyId];

    public byte[] KeyFor(string keyId) =>
        _keys.TryGetValue(keyId, out var key)
            ? key
            : throw new CryptographicException($"No encryption key '{keyId}' is configured ({_section}:Keys:{keyId}).");

    /// <summary>
    /// The ring <paramref name="section"/> configures; null when it configures nothing at all, so the caller decides
    /// whether that may be (Development) or not. Half a configuration is always an error.
    /// </summary>
    public static EncryptionKeyRing? FromConfiguration(IConfiguration configuration, string section)
    {
        var keys = configuration.GetSection($"{section}:Keys").GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, k => DecodeBase64(k.Value!, $"{section}:Keys:{k.Key}"));
        var currentKeyId = configuration[$"{section}:CurrentKeyId"];
        if (keys.Count == 0 && string.IsNullOrWhiteSpace(currentKeyId)) return null;
        if (keys.Count == 0 || string.IsNullOrWhiteSpace(currentKeyId)) throw NotConfigured(section);
        return new EncryptionKeyRing(keys, currentKeyId, section);
    }

    /// <summary>
    /// The configured ring, or only in the Development environment, when <paramref name="section"/> configures nothing,
    /// one derived from the development secret (<c>DevelopmentSecret</c>) for <paramref name="developmentPurpose"/>: a local platform runs without
    /// setup and reads its data across restarts. Any other environment without keys must not start.
    /// </summary>
    public static EncryptionKeyRing ForEnvironment(IConfiguration configuration, IHostEnvironment environment, string section, string developmentPurpose) =>
        FromConfiguration(configuration, section)
        ?? (environment.IsDevelopment()
            ? DerivedFrom(DevelopmentSecret.Bytes(configuration), developmentPurpose, section)
            : throw NotConfigured(section));

    /// <summary>A Development ring: deterministic for a given secret, distinct per <paramref name="purpose"/> (HKDF-SHA256).</summary>
    public static EncryptionKeyRing DerivedFrom(byte[] secret, string purpose, string section) => new(
        new Dictionary<string, byte[]> { [DevelopmentKeyId] = DeriveKey(secret, purpose) }, DevelopmentKeyId, section);

    public static byte[] DeriveKey(byte[] secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, KeyBytes, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>A base64 setting's bytes; names the setting when it is not base64.</summary>
    public static byte[] DecodeBase64(string base64, string settingName)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{settingName} is not valid base64.");
        }
    }

    private static InvalidOperationException NotConfigured(string section) => new(
        $"Encryption is not configured: set {section}:Keys:<id> (base64, {KeyBytes} bytes) and {section}:CurrentKeyId.");
}
