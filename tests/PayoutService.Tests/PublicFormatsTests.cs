using System.Net;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>Timestamps and money as seeds 000 and 004 write them (ARCHITECTURE §5), not as stored (<c>500.0000</c>, <c>+00:00</c>).</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class PublicFormatsTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private const string SecondsZ = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$";

    [Fact]
    public async Task App_and_admin_bodies_write_utc_seconds_and_seed_money()
    {
        var (userId, _, _, payoutUuid) = await Fixture.PendingPayoutAsync(500m, 100.50m);
        using var client = Fixture.ClientFor(userId);
        using var admin = Fixture.AdminClient();

        var (_, own) = await client.PostFormAsync("/api/get/payouts/");
        var payout = own["payouts"]![0]!;
        Assert.Equal("100.50", payout["amount"]!.ToJsonString());
        Assert.Matches(SecondsZ, payout["requested_at"].Str());
        Assert.Equal("500", own["summary"]!["total_earned"]!.ToJsonString());

        var (_, balance) = await client.PostFormAsync("/api/user/balance/");
        Assert.Equal("399.50", balance["available_balance"]!.ToJsonString());
        Assert.Matches(SecondsZ, balance["last_updated"].Str());

        var (response, one) = await admin.GetJsonAsync($"/api/admin/payouts/{payoutUuid}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("100.50", one["data"]!["amount"]!.ToJsonString());
        Assert.Equal("399.50", one["data"]!["user"]!["balance"]!.ToJsonString());
        Assert.Matches(SecondsZ, one["data"]!["requestedAt"].Str());
    }
}
