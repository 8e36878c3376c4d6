using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Payouts;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// <c>POST /payout/simple</c> by a company member draws on the company's wallet (funded by seed 003 billing); company
/// members see and may cancel those payouts, other companies see nothing.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class CompanyWalletTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private static Task<(HttpResponseMessage Response, JsonNode Body)> PayAsync(HttpClient client, long beneficiaryId, long detailsId, decimal amount) =>
        client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount, beneficiary_details_id = detailsId });

    [Fact]
    public async Task A_company_members_simple_payout_holds_the_company_wallet_and_completion_pays_from_it()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var memberId = await Fixture.NewFundedUserAsync(300m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(memberId, company);
        using var member = Fixture.ClientFor(memberId, company);

        var (paid, body) = await PayAsync(member, beneficiaryId, detailsId, 250m);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("company_wallet", body["data"]!["funded_from"].Str());
        Assert.Equal(company, body["data"]!["company_id"].Str());
        Assert.Equal((750m, 250m, 0m), await Fixture.CompanyBalancesAsync(company));
        // The member's own earnings are untouched.
        Assert.Equal((300m, 0m, 0m), await Fixture.BalancesAsync(memberId));
        var payoutUuid = Guid.Parse(body["data"]!["payout_id"].Str());
        var requested = await Fixture.Events.WaitForAsync<PayoutRequested>(e => e.PayoutId == payoutUuid);
        Assert.Equal(company, requested.CompanyId);

        using var admin = Fixture.AdminClient();
        var (processed, processedBody) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { transactionReference = "TXN-CO-1" });
        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal(750m, processedBody["data"]!["userBalance"].Decimal());
        Assert.Equal((750m, 0m, 250m), await Fixture.CompanyBalancesAsync(company));
        Assert.Equal((300m, 0m, 0m), await Fixture.BalancesAsync(memberId));
        // Every later event names the company too, so a consumer needs no earlier one to know it.
        Assert.Equal(company, (await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid)).CompanyId);

        // A colleague sees the company's withdrawal in their activity; another company's user does not.
        using var colleague = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        var (_, activity) = await colleague.GetJsonAsync("/api/user/transactions/");
        Assert.Contains(activity["transactions"]!.AsArray(), t => t!["reference"].Str() == requested.Reference && t["type"].Str() == "withdrawal");
        using var outsider = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), Companies.NewCompany());
        var (_, outsiderActivity) = await outsider.GetJsonAsync("/api/user/transactions/");
        Assert.Empty(outsiderActivity["transactions"]!.AsArray());
    }

    [Fact]
    public async Task Without_a_company_the_simple_payout_draws_on_the_users_own_balance()
    {
        var userId = await Fixture.NewFundedUserAsync(500m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId);
        using var user = Fixture.ClientFor(userId);

        var (paid, body) = await PayAsync(user, beneficiaryId, detailsId, 100m);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("user_balance", body["data"]!["funded_from"].Str());
        Assert.Equal((400m, 100m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Company_members_see_and_may_cancel_company_payouts_other_companies_see_nothing_and_cannot_cancel()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var requesterId = PayoutServiceFixture.NewUserId();
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(requesterId, company);
        using var requester = Fixture.ClientFor(requesterId, company);
        var (_, body) = await PayAsync(requester, beneficiaryId, detailsId, 200m);
        var payoutUuid = Guid.Parse(body["data"]!["payout_id"].Str());
        var payoutId = await Fixture.QueryAsync(db => db.Payouts.Where(p => p.Uuid == payoutUuid).Select(p => p.Id).SingleAsync());

        using var outsider = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), Companies.NewCompany());
        var (list, listBody) = await outsider.PostFormAsync("/api/get/payouts/");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, listBody["total"]!.GetValue<int>());
        var (cancel, cancelBody) = await outsider.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutId.Text()));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("not_found", cancelBody["error"].Str());
        // Nor may the outsider pay the company's beneficiary from their own company.
        var (foreign, _) = await PayAsync(outsider, beneficiaryId, detailsId, 50m);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("pending", await Fixture.StatusAsync(payoutId));

        using var colleague = Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company);
        var (seen, seenBody) = await colleague.PostFormAsync("/api/get/payouts/");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var item = Assert.Single(seenBody["payouts"]!.AsArray())!;
        Assert.Equal(payoutId, item["id"]!.GetValue<long>());
        Assert.Equal("company_wallet", item["funded_from"].Str());

        var (cancelled, cancelledBody) = await colleague.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutId.Text()));
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, cancelledBody.ToJsonString());
        Assert.Equal("cancelled", await Fixture.StatusAsync(payoutId));
        Assert.Equal((1000m, 0m, 0m), await Fixture.CompanyBalancesAsync(company));
    }

    [Fact]
    public async Task Fifty_parallel_payouts_by_different_members_against_a_company_wallet_covering_ten_hold_exactly_ten()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(PayoutServiceFixture.NewUserId(), company);
        var members = Enumerable.Range(0, 50).Select(_ => Fixture.ClientFor(PayoutServiceFixture.NewUserId(), company)).ToList();
        try
        {
            var results = await Task.WhenAll(members.Select(member => PayAsync(member, beneficiaryId, detailsId, 100m)));

            var held = results.Count(r => r.Response.StatusCode == HttpStatusCode.OK);
            var refused = results.Where(r => r.Response.StatusCode == HttpStatusCode.BadRequest).ToList();
            Assert.True(held == 10, string.Join("\n", results.Where(r => r.Response.StatusCode != HttpStatusCode.OK).Select(r => r.Body.ToJsonString()).Distinct()));
            Assert.Equal(40, refused.Count);
            Assert.All(refused, r => Assert.Equal("Insufficient balance for payout request", r.Body["message"].Str()));
            Assert.Equal((0m, 1000m, 0m), await Fixture.CompanyBalancesAsync(company));
            Assert.Equal(10, await Fixture.QueryAsync(db => db.Payouts.CountAsync(p => p.CompanyId == company && p.CompanyWallet && p.Status == "pending")));
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }
    }
}
