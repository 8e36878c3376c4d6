using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Payouts;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>Payouts to a bank account in another currency: the configured rate is locked at request time (seed 004's amountInNgn).</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class FxPayoutTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task A_USD_payout_to_an_NGN_account_locks_the_rate_and_settles_the_net_naira_amount()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId, currency: "NGN", country: "NG");
        using var user = Fixture.ClientFor(userId);

        var (requested, body) = await user.RequestPayoutAsync(100m, accountId);

        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Equal("USD", body["currency"].Str());
        Assert.Equal("NGN", body["settlement"]!["currency"].Str());
        Assert.Equal(1500m, body["settlement"]!["exchange_rate"].Decimal());
        Assert.Equal(150000m, body["settlement"]!["amount"].Decimal());
        Assert.Equal(50m, body["settlement"]!["processing_fee"].Decimal());
        Assert.Equal(149950m, body["settlement"]!["net_amount"].Decimal());
        // The ledger stays in the balance's currency.
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
        var payoutUuid = Guid.Parse(body["payout_uuid"].Str());

        using var admin = Fixture.AdminClient();
        var (got, view) = await admin.GetJsonAsync($"/api/admin/payouts/{payoutUuid}");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        var data = view["data"]!;
        Assert.Equal(100m, data["amount"].Decimal());
        Assert.Equal(150000m, data["amountInNgn"].Decimal());
        Assert.Equal(50m, data["processingFee"].Decimal());
        Assert.Equal(149950m, data["netAmount"].Decimal());
        Assert.Equal("NGN", data["settlementCurrency"].Str());
        Assert.Equal(1500m, data["exchangeRate"].Decimal());

        var (listed, list) = await admin.GetJsonAsync("/api/admin/payouts?status=pending&limit=50");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(list["data"]!["payouts"]!.AsArray(), p => p!["id"].Str() == payoutUuid.ToString() && p["amountInNgn"].Decimal() == 150000m);

        var (processed, processedBody) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { });
        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("completed", processedBody["data"]!["status"].Str());
        var command = Fixture.Settlement.Received.Single(c => c.PayoutId == payoutUuid);
        Assert.Equal((149950m, "NGN"), (command.Amount, command.Currency));
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        var completed = await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid);
        Assert.Equal(("USD", 100m), (completed.Currency, completed.Amount));
    }

    [Fact]
    public async Task A_payout_settling_in_another_currency_than_naira_shows_generic_settlement_fields()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId, currency: "KES", country: "KE");
        using var user = Fixture.ClientFor(userId);
        var (_, body) = await user.RequestPayoutAsync(100m, accountId);
        var payoutUuid = body["payout_uuid"].Str();

        using var admin = Fixture.AdminClient();
        var (_, view) = await admin.GetJsonAsync($"/api/admin/payouts/{payoutUuid}");

        var data = view["data"]!;
        Assert.Null(data["amountInNgn"]);
        Assert.Equal("KES", data["settlementCurrency"].Str());
        Assert.Equal(12950m, data["settlementAmount"].Decimal());
        Assert.Equal(30m, data["processingFee"].Decimal());
        Assert.Equal(12920m, data["netAmount"].Decimal());
        Assert.Equal(129.5m, data["exchangeRate"].Decimal());

        var (_, own) = await user.PostFormAsync("/api/get/payouts/");
        var mine = own["payouts"]!.AsArray().Single(p => p!["uuid"].Str() == payoutUuid)!;
        Assert.Equal(12920m, mine["settlement"]!["net_amount"].Decimal());
    }

    [Fact]
    public async Task A_same_currency_payout_has_no_conversion()
    {
        var (_, _, _, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();

        var (_, view) = await admin.GetJsonAsync($"/api/admin/payouts/{payoutUuid}");

        var data = view["data"]!;
        Assert.Null(data["amountInNgn"]);
        Assert.Null(data["exchangeRate"]);
        Assert.Equal("USD", data["settlementCurrency"].Str());
        Assert.Equal(100m, data["netAmount"].Decimal());
        Assert.Equal(0m, data["processingFee"].Decimal());
    }

    [Fact]
    public async Task No_rate_for_the_pair_is_a_validation_error_and_holds_nothing()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId, currency: "JPY", country: "JP");
        using var user = Fixture.ClientFor(userId);

        var (refused, body) = await user.RequestPayoutAsync(100m, accountId);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("validation_error", body["error"].Str());
        Assert.Equal("bank_account_id", body["field"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        Assert.Equal(0, await Fixture.PayoutCountAsync(userId));
        Assert.DoesNotContain(Fixture.Events.OfType<PayoutRequested>(), e => e.UserId == userId.Text());
    }

    [Fact]
    public async Task Rates_are_configuration_rows_seeded_by_migration()
    {
        var rates = await Fixture.QueryAsync(db => db.FxRates.AsNoTracking().Where(r => r.Enabled).ToListAsync());

        var naira = Assert.Single(rates, r => r.BaseCurrency == "USD" && r.QuoteCurrency == "NGN");
        Assert.Equal((1500m, 50m), (naira.Rate, naira.ProcessingFee));
        Assert.True(rates.Count >= 3);
    }
}
