using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Encryption;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>Signing secrets at rest: encrypted with the service's keys (<c>Notifications:Webhooks:Encryption</c>), read only to sign.</summary>
public sealed class WebhookSecrets(FieldEncryptor encryptor)
{
    public const string EncryptionSection = "Notifications:Webhooks:Encryption";
    public const string DevelopmentPurpose = "notifications-webhook-secrets";
    private const string Purpose = "webhook_endpoints.secret";

    public string Protect(string secret) => encryptor.Encrypt(secret, Purpose);

    /// <summary>The secrets that sign now: the current one, and the previous one while its overlap lasts.</summary>
    public IReadOnlyList<string> Active(WebhookEndpoint endpoint, DateTimeOffset now) =>
        endpoint.EncryptedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now
            ? [encryptor.Decrypt(endpoint.EncryptedSecret, Purpose), encryptor.Decrypt(previous, Purpose)]
            : [encryptor.Decrypt(endpoint.EncryptedSecret, Purpose)];
}
