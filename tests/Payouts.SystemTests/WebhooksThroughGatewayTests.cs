using System.Net;
using System.Text.Json;
using Payouts.Http.Testing;
using Payouts.Testing;

namespace Payouts.SystemTests;

/// <summary>
/// A payout's completion told on every channel through the whole platform: a signed webhook registered through the
/// gateway and received by a Kestrel receiver on 127.0.0.1 that the AppHost allowlists
/// (<c>--webhook-allowed-private-targets</c>, <see cref="PlatformFixture.Webhooks"/>), one in-app notification, and one
/// email in the AppHost's <c>mail</c> resource (smtp4dev).
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class WebhooksThroughGatewayTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>How long after the first delivery a second one would have had to arrive: several dispatcher polls.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_payout_paid_by_the_provider_sends_one_webhook_signed_as_documented_one_notification_and_one_email()
    {
        using var gateway = new GatewayClient(fixture.Platform);
        var admin = fixture.Tokens.Admin("1");
        var user = await PayingUsers.NewAsync(fixture.Platform, gateway, admin, 1000m);
        var url = fixture.Webhooks.NewUrl();
        var registered = await gateway.PostAsync("/api/v1/webhooks/", user.Token, new { url, events = new[] { "payout.completed" } });
        Assert.True(registered.Status == HttpStatusCode.Created, registered.Raw);
        var endpointId = registered.Body.GetProperty("webhook").GetProperty("id").GetString()!;
        var secret = registered.Body.GetProperty("secret").GetString()!;

        var payout = await PayingUsers.RequestPayoutAsync(gateway, user, 100m);
        var paid = await PayingUsers.ProcessThroughTheProviderAsync(gateway, admin, payout);
        Assert.Equal("completed", paid.GetProperty("status").GetString());

        await Eventually.HoldsAsync(() => fixture.Webhooks.ReceivedAt(url).Count > 0, "the payout's webhook at the receiver", Patience);
        await Task.Delay(QuietPeriod);
        var received = Assert.Single(fixture.Webhooks.ReceivedAt(url));

        Assert.True(SignatureRecipe.Verifies(received.Signature, received.Body, secret), received.Signature);
        Assert.Equal("payout.completed", received.EventType);
        Assert.Equal(200, received.Status);
        Assert.DoesNotContain(user.AccountNumber, received.Body, StringComparison.Ordinal);

        // The payload's object is the payout as the user's own list shows it (masked account there, none here).
        var own = await gateway.PostAsync("/api/get/payouts/", user.Token, new { });
        Assert.True(own.Status == HttpStatusCode.OK, own.Raw);
        var listed = Assert.Single(own.Body.GetProperty("payouts").EnumerateArray(), p => p.GetProperty("uuid").GetString() == payout);
        Assert.Equal($"****{user.AccountNumber[^4..]}", listed.GetProperty("bank_account").GetProperty("account_number").GetString());
        var payload = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal((received.EventId, "payout.completed"), (payload.GetProperty("id").GetString(), payload.GetProperty("type").GetString()));
        Assert.Equal(paid.GetProperty("completedAt").GetString(), payload.GetProperty("created").GetString());
        var data = payload.GetProperty("data");
        Assert.Equal(("payout", payout, listed.GetProperty("reference").GetString(), listed.GetProperty("net_amount").GetDecimal(),
                listed.GetProperty("currency").GetString(), "completed"),
            (data.GetProperty("object").GetString(), data.GetProperty("id").GetString(), data.GetProperty("reference").GetString(),
                data.GetProperty("amount").GetDecimal(), data.GetProperty("currency").GetString(), data.GetProperty("status").GetString()));
        Assert.Equal(listed.GetProperty("status").GetString(), data.GetProperty("status").GetString());

        // The delivery log through the gateway: one delivery of that event, succeeded at the first attempt with the receiver's 200.
        var log = await gateway.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries/", user.Token);
        Assert.True(log.Status == HttpStatusCode.OK, log.Raw);
        var delivery = Assert.Single(log.Body.GetProperty("deliveries").EnumerateArray());
        Assert.Equal((received.EventId, "succeeded", 1, 200), (delivery.GetProperty("event_id").GetString(), delivery.GetProperty("status").GetString(),
            delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("last_response_code").GetInt32()));
        // One event, one id on every channel: the in-app notification of the payout's completion has the webhook's event id.
        var notifications = await gateway.GetAsync("/api/v1/notifications/?limit=100", user.Token);
        var told = Assert.Single(notifications.Body.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("type").GetString() == "payout.completed");
        Assert.Equal(received.EventId, told.GetProperty("id").GetString());

        // And one email to the user's address in the directory, naming the payout and the account only masked.
        using var mailApi = fixture.Platform.CreateHttpClient("mail");
        var mailbox = new SmtpMailbox(mailApi);
        var address = $"u{user.Id}@example.com";
        var subject = $"Payout {listed.GetProperty("reference").GetString()} paid";
        await Eventually.HoldsAsync(async () => (await mailbox.MailToAsync(address)).Any(m => m.Subject == subject), "the completion's email", Patience);
        await Task.Delay(QuietPeriod);
        var mails = await mailbox.MailToAsync(address);
        var mail = Assert.Single(mails, m => m.Subject == subject);
        Assert.Contains($"****{user.AccountNumber[^4..]}", mail.Text, StringComparison.Ordinal);
        Assert.All(mails, m => Assert.DoesNotContain(user.AccountNumber, m.Text + m.Html, StringComparison.Ordinal));
    }
}
