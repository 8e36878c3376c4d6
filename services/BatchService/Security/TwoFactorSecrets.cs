using Payouts.BatchService.Domain;
using Payouts.ServiceDefaults.Encryption;

namespace Payouts.BatchService.Security;

/// <summary>
/// TOTP secrets at rest: encrypted with the service's key ring (<c>Batches:Encryption</c>), the owner as authenticated
/// data, so one user's ciphertext copied onto another's row does not decrypt.
/// </summary>
public sealed class TwoFactorSecrets(FieldEncryptor encryptor)
{
    public const string EncryptionSection = "Batches:Encryption";

    /// <summary>The HKDF purpose of Development keys derived from the signing key when none are configured.</summary>
    public const string DevelopmentPurpose = "payouts/batches/two-factor-secrets/v1";

    public string Protect(string companyId, string subject, byte[] secret) =>
        encryptor.Encrypt(Convert.ToBase64String(secret), Purpose(companyId, subject));

    public byte[] Reveal(TwoFactorEnrollment enrollment) =>
        Convert.FromBase64String(encryptor.Decrypt(enrollment.SecretCiphertext, Purpose(enrollment.CompanyId, enrollment.Subject)));

    private static string Purpose(string companyId, string subject) => $"two-factor-secret\n{companyId}\n{subject}";
}
