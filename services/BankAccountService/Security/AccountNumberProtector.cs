using System.Security.Cryptography;
using System.Text;
using Payouts.ServiceDefaults.Encryption;

namespace Payouts.BankAccountService.Security;

/// <summary>
/// Encrypts account and routing numbers at rest (the shared <see cref="FieldEncryptor"/>, AES-256-GCM under the bank
/// accounts' key ring), and computes keyed hashes (HMAC-SHA256), which find duplicates and check amounts without
/// storing the values.
/// </summary>
public sealed class AccountNumberProtector(BankAccountKeys keys)
{
    private readonly FieldEncryptor _encryptor = new(keys.Encryption);

    public string Encrypt(string plaintext, string purpose) => _encryptor.Encrypt(plaintext, purpose);

    public string Decrypt(string ciphertext, string purpose) => _encryptor.Decrypt(ciphertext, purpose);

    public string Hash(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.HashingKey, Encoding.UTF8.GetBytes($"{purpose}\n{value}")));
}
