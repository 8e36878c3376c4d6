using System.Security.Cryptography;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Encryption;

namespace Payouts.NotificationService.Tests.Domain;

public sealed class WebhookSecretsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly WebhookSecrets _secrets = new(new FieldEncryptor(new EncryptionKeyRing(
        new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) }, "k1", WebhookSecrets.EncryptionSection)));

    [Fact]
    public void After_a_rotation_the_previous_secret_signs_until_its_overlap_ends_then_only_the_new_one()
    {
        var endpoint = new WebhookEndpoint
        {
            OwnerKind = WebhookOwners.User, OwnerId = "7", Url = "https://example.com/h", EventTypes = ["payout.completed"],
            EncryptedSecret = _secrets.Protect("whsec_old"),
        };
        Assert.Equal(["whsec_old"], _secrets.Active(endpoint, Now));

        endpoint.Rotate(_secrets.Protect("whsec_new"), Now.AddHours(24), Now);

        Assert.Equal(["whsec_new", "whsec_old"], _secrets.Active(endpoint, Now.AddHours(23)));
        Assert.Equal(["whsec_new"], _secrets.Active(endpoint, Now.AddHours(24)));
        Assert.DoesNotContain("whsec_new", endpoint.EncryptedSecret);
    }
}
