using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

[Collection(PayoutServiceCollection.Name)]
public sealed class SimplePayoutTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private static long _nextDetailsId = 9_000_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 100;

    private async Task<(long BeneficiaryId, long DetailsId)> AddDetailsAsync(long userId, string currency = "PEN")
    {
        var detailsId = Interlocked.Increment(ref _nextDetailsId);
        var beneficiaryId = detailsId + 7;
        await Fixture.Bus.Publish(new BeneficiaryDetailsAdded(detailsId, beneficiaryId, userId.Text(), null, "Banco de Credito", "****4321", currency, "PE",
            DateTimeOffset.UtcNow, "bank_transfer"));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await Fixture.QueryAsync(db => db.BeneficiaryDestinations.AnyAsync(d => d.Id == detailsId)))
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("Beneficiary details did not reach the read model in time.");
            await Task.Delay(50);
        }

        return (beneficiaryId, detailsId);
    }

    [Fact]
    public async Task Simple_payout_holds_the_amount_in_the_details_currency_and_embeds_the_beneficiary()
    {
        var userId = await Fixture.NewFundedUserAsync(0);
        await Fixture.CreditAsync(userId, 500m, "PEN");
        var (beneficiaryId, detailsId) = await AddDetailsAsync(userId);
        using var client = Fixture.ClientFor(userId);

        var (response, body) = await client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount = 60, beneficiary_details_id = detailsId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", body["status"].Str());
        Assert.Equal(200, body["status_code"]!.GetValue<int>());
        var data = body["data"]!;
        Assert.Equal("60", data["amount"].Str());
        Assert.Equal("PEN", data["currency"].Str());
        Assert.Equal(beneficiaryId.Text(), data["beneficiary_id"].Str());
        Assert.Equal("pending", data["status"].Str());
        // Seed 002's timestamps: UTC to the microsecond (2024-05-30T20:53:30.000000Z).
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", data["created_at"].Str());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", data["beneficiary"]!["details"]!["created_at"].Str());
        Assert.Equal(beneficiaryId, data["beneficiary"]!["id"]!.GetValue<long>());
        Assert.Equal("****4321", data["beneficiary"]!["details"]!["account_number"].Str());
        var payoutUuid = Guid.Parse(data["payout_id"].Str());
        var requested = await Fixture.Events.WaitForAsync<PayoutRequested>(e => e.PayoutId == payoutUuid);
        Assert.Equal(DestinationKind.BeneficiaryDetails, requested.DestinationKind);
        Assert.Equal(detailsId, requested.DestinationId);
        var pen = await Fixture.QueryAsync(db => db.LedgerAccounts.AsNoTracking()
            .Where(a => a.OwnerId == userId.Text() && a.Currency == "PEN").ToDictionaryAsync(a => a.Kind, a => a.Balance));
        Assert.Equal(440m, pen["available"]);
        Assert.Equal(60m, pen["held"]);

        // Settled through the saga to the beneficiary's details.
        using var admin = Fixture.AdminClient();
        var (processed, processedBody) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { });
        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("completed", processedBody["data"]!["status"].Str());
        Assert.Equal(DestinationKind.BeneficiaryDetails, Fixture.Settlement.Received.Single(c => c.PayoutId == payoutUuid).DestinationKind);
    }

    [Fact]
    public async Task Missing_fields_are_listed_per_field_in_the_seed_002_envelope()
    {
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId());

        var (response, body) = await client.PostJsonAsync("/payout/simple", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("failed", body["status"].Str());
        Assert.Equal(400, body["status_code"]!.GetValue<int>());
        Assert.Equal("Request failed", body["message"].Str());
        Assert.Equal("The beneficiary id field is required.", body["data"]!["beneficiary_id"]![0].Str());
        Assert.Equal("The amount field is required.", body["data"]!["amount"]![0].Str());
        Assert.Equal("The beneficiary details id field is required.", body["data"]!["beneficiary_details_id"]![0].Str());
    }

    [Fact]
    public async Task Foreign_details_bad_amounts_and_insufficient_balance_hold_nothing()
    {
        var userId = await Fixture.NewFundedUserAsync(0);
        await Fixture.CreditAsync(userId, 100m, "PEN");
        var (beneficiaryId, detailsId) = await AddDetailsAsync(userId);
        var (otherBeneficiary, otherDetails) = await AddDetailsAsync(PayoutServiceFixture.NewUserId());
        using var client = Fixture.ClientFor(userId);

        var (foreign, foreignBody) = await client.PostJsonAsync("/payout/simple", new { beneficiary_id = otherBeneficiary, amount = 60, beneficiary_details_id = otherDetails });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("failed", foreignBody["status"].Str());
        var (mismatch, _) = await client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId + 1, amount = 60, beneficiary_details_id = detailsId });
        Assert.Equal(HttpStatusCode.NotFound, mismatch.StatusCode);
        var (negative, negativeBody) = await client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount = -5, beneficiary_details_id = detailsId });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.NotNull(negativeBody["data"]!["amount"]);
        // Seed 002: one bad field is reported like many, "Request failed" above the per-field data.
        Assert.Equal("Request failed", negativeBody["message"].Str());
        var (tooPrecise, _) = await client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount = 60.123m, beneficiary_details_id = detailsId });
        Assert.Equal(HttpStatusCode.BadRequest, tooPrecise.StatusCode);
        var (poor, poorBody) = await client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount = 150, beneficiary_details_id = detailsId });
        Assert.Equal(HttpStatusCode.BadRequest, poor.StatusCode);
        Assert.Equal("Insufficient balance for payout request", poorBody["message"].Str());

        Assert.Equal(0, await Fixture.PayoutCountAsync(userId));
    }
}
