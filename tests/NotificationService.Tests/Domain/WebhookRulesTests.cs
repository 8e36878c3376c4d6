using System.Net;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Tests.Domain;

public sealed class WebhookRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Backoff_doubles_from_the_base_up_to_the_cap()
    {
        var options = new WebhookOptions { BackoffBase = TimeSpan.FromSeconds(30), BackoffCap = TimeSpan.FromMinutes(5) };

        Assert.Equal([30, 60, 120, 240, 300, 300], Enumerable.Range(1, 6).Select(n => options.BackoffAfter(n).TotalSeconds));
    }

    [Fact]
    public void A_failure_whose_retry_would_fall_past_the_horizon_gives_the_delivery_up()
    {
        var delivery = new WebhookDelivery { EventType = "payout.completed", Payload = "{}", NextAttemptAt = Now, GiveUpAt = Now.AddMinutes(1) };

        delivery.Failed(503, "HTTP 503", Now, TimeSpan.FromSeconds(30));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, Now.AddSeconds(30)), (delivery.Status, delivery.Attempts, delivery.NextAttemptAt));

        delivery.Failed(503, "HTTP 503", Now.AddSeconds(30), TimeSpan.FromSeconds(60));
        Assert.Equal((WebhookDeliveryStatus.Failed, 2), (delivery.Status, delivery.Attempts));

        delivery.Redeliver(Now.AddHours(1), TimeSpan.FromDays(3));
        Assert.Equal((WebhookDeliveryStatus.Pending, Now.AddHours(1), Now.AddHours(1).AddDays(3)), (delivery.Status, delivery.NextAttemptAt, delivery.GiveUpAt));
    }

    [Fact]
    public void The_threshold_th_failure_in_a_row_disables_the_endpoint_once_and_a_success_resets_the_run()
    {
        var endpoint = new WebhookEndpoint { OwnerKind = WebhookOwners.User, OwnerId = "7", Url = "https://example.com/h", EventTypes = ["payout.completed"], EncryptedSecret = "k:x" };

        Assert.False(endpoint.RecordFailure(3, "HTTP 500", Now));
        endpoint.RecordSuccess();
        Assert.False(endpoint.RecordFailure(3, "HTTP 500", Now));
        Assert.False(endpoint.RecordFailure(3, "HTTP 500", Now));
        Assert.True(endpoint.RecordFailure(3, "HTTP 500", Now));
        Assert.False(endpoint.RecordFailure(3, "HTTP 500", Now));
        Assert.False(endpoint.Enabled);
        Assert.Contains("HTTP 500", endpoint.DisabledReason);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", false)]
    public void Private_addresses_are_told_apart_from_public_ones(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, WebhookUrlPolicy.IsPrivate(IPAddress.Parse(address)));
}
