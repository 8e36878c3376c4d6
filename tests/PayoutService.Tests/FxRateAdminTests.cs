using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// Admins keep the FX rates current (<c>/api/admin/fx-rates</c>): a new or changed rate applies to payouts requested
/// after it, a payout already requested keeps the rate it locked, a disabled pair refuses payouts, bad input changes nothing.
/// Each test uses its own currency pair so the seeded rates other tests rely on stay as they are.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class FxRateAdminTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task A_new_rate_applies_to_later_payouts_and_an_earlier_payout_keeps_its_locked_rate()
    {
        using var admin = Fixture.AdminClient();
        var (created, createdBody) = await admin.PutJsonAsync("/api/admin/fx-rates/usd/zar", new { rate = 18.25m, processingFee = 10m });
        Assert.True(created.StatusCode == HttpStatusCode.OK, createdBody.ToJsonString());
        Assert.True(createdBody["success"]!.GetValue<bool>());
        Assert.Equal((18.25m, 10m, true), (createdBody["data"]!["rate"].Decimal(), createdBody["data"]!["processingFee"].Decimal(), createdBody["data"]!["enabled"]!.GetValue<bool>()));

        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId, currency: "ZAR", country: "ZA");
        using var user = Fixture.ClientFor(userId);
        var (first, firstBody) = await user.RequestPayoutAsync(100m, accountId);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((18.25m, 1825m, 1815m), (firstBody["settlement"]!["exchange_rate"].Decimal(), firstBody["settlement"]!["amount"].Decimal(),
            firstBody["settlement"]!["net_amount"].Decimal()));

        var (changed, changedBody) = await admin.PutJsonAsync("/api/admin/fx-rates/USD/ZAR", new { rate = "18.5", processingFee = "12.5" });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, changedBody.ToJsonString());
        var (second, secondBody) = await user.RequestPayoutAsync(100m, accountId);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((18.5m, 1850m, 1837.5m), (secondBody["settlement"]!["exchange_rate"].Decimal(), secondBody["settlement"]!["amount"].Decimal(),
            secondBody["settlement"]!["net_amount"].Decimal()));

        var (_, firstView) = await admin.GetJsonAsync($"/api/admin/payouts/{firstBody["payout_uuid"].Str()}");
        Assert.Equal((18.25m, 1815m), (firstView["data"]!["exchangeRate"].Decimal(), firstView["data"]!["netAmount"].Decimal()));

        var (listed, list) = await admin.GetJsonAsync("/api/admin/fx-rates");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var zar = Assert.Single(list["data"]!["rates"]!.AsArray(), r => r!["baseCurrency"].Str() == "USD" && r["quoteCurrency"].Str() == "ZAR")!;
        Assert.Equal((18.5m, 12.5m), (zar["rate"].Decimal(), zar["processingFee"].Decimal()));
        Assert.False(string.IsNullOrEmpty(zar["updatedBy"].Str()));
        Assert.Contains(list["data"]!["rates"]!.AsArray(), r => r!["baseCurrency"].Str() == "USD" && r["quoteCurrency"].Str() == "NGN" && r["rate"].Decimal() == 1500m);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.FxRates.CountAsync(r => r.BaseCurrency == "USD" && r.QuoteCurrency == "ZAR")));
    }

    [Fact]
    public async Task A_disabled_pair_refuses_payouts_and_holds_nothing_until_enabled_again()
    {
        using var admin = Fixture.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync("/api/admin/fx-rates/USD/MXN", new { rate = 17.1m, processingFee = 5m, enabled = false })).Response.StatusCode);
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId, currency: "MXN", country: "MX");
        using var user = Fixture.ClientFor(userId);

        var (refused, refusedBody) = await user.RequestPayoutAsync(100m, accountId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("validation_error", refusedBody["error"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync("/api/admin/fx-rates/USD/MXN", new { rate = 17.1m, processingFee = 5m, enabled = true })).Response.StatusCode);
        var (accepted, _) = await user.RequestPayoutAsync(100m, accountId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/fx-rates/USD/XXX", "{\"rate\": 1, \"processingFee\": 0}", "'XXX' is not a supported currency")]
    [InlineData("/api/admin/fx-rates/ABC/BRL", "{\"rate\": 1, \"processingFee\": 0}", "'ABC' is not a supported currency")]
    [InlineData("/api/admin/fx-rates/USD/USD", "{\"rate\": 1, \"processingFee\": 0}", "must differ from the base currency")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"processingFee\": 0}", "The rate field is required")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 0, \"processingFee\": 0}", "The rate must be greater than zero")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": -5.2, \"processingFee\": 0}", "The rate must be greater than zero")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": \"five\", \"processingFee\": 0}", "The rate must be a plain decimal number")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 5.123456789, \"processingFee\": 0}", "at most 8 decimal places")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 1e3, \"processingFee\": 0}", "The rate must be a plain decimal number")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 100000000000, \"processingFee\": 0}", "The rate must be at most")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 5.2}", "The processingFee field is required")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 5.2, \"processingFee\": -1}", "must not be negative")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 5.2, \"processingFee\": 0.001}", "at most 2 decimal places for BRL")]
    [InlineData("/api/admin/fx-rates/USD/JPY", "{\"rate\": 150, \"processingFee\": 0.5}", "at most 0 decimal places for JPY")]
    [InlineData("/api/admin/fx-rates/USD/BRL", "{\"rate\": 5.2, \"processingFee\": 1, \"enabled\": \"maybe\"}", "Enabled must be true or false")]
    public async Task Bad_input_is_a_400_in_the_admin_envelope_saying_why_and_changes_nothing(string path, string json, string message)
    {
        using var admin = Fixture.AdminClient();
        var before = await Fixture.QueryAsync(db => db.FxRates.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

        var response = await admin.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await HttpHelpers.BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Contains(message, body["message"].Str(), StringComparison.Ordinal);
        var after = await Fixture.QueryAsync(db => db.FxRates.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(before.Select(r => (r.BaseCurrency, r.QuoteCurrency, r.Rate, r.ProcessingFee, r.Enabled)),
            after.Select(r => (r.BaseCurrency, r.QuoteCurrency, r.Rate, r.ProcessingFee, r.Enabled)));
    }

    [Fact]
    public async Task Only_admins_read_or_set_rates()
    {
        using var user = Fixture.ClientFor(PayoutServiceFixture.NewUserId());

        var (read, _) = await user.GetJsonAsync("/api/admin/fx-rates");
        var (set, _) = await user.PutJsonAsync("/api/admin/fx-rates/USD/NGN", new { rate = 1m, processingFee = 0m });
        using var anonymous = Fixture.AnonymousClient();
        var (anonymousRead, _) = await anonymous.GetJsonAsync("/api/admin/fx-rates");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, set.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
        var naira = await Fixture.QueryAsync(db => db.FxRates.AsNoTracking().SingleAsync(r => r.BaseCurrency == "USD" && r.QuoteCurrency == "NGN"));
        Assert.Equal(1500m, naira.Rate);
    }
}
