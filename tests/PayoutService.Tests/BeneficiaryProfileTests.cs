using System.Net;
using MassTransit;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Payouts;
using Payouts.PayoutService.Tests.Support;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// Beneficiary profiles and removals published by BankAccountService (here published by the test on the real bus):
/// embedded in <c>/payout/simple</c>'s response; removed details are not payable and their pending payouts are cancelled.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class BeneficiaryProfileTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private static BeneficiarySaved Profile(long beneficiaryId, long userId, DateTimeOffset updatedAt, string name = "John Smith") =>
        new(beneficiaryId, userId.Text(), null, "individual", name, "john@example.com", "Johnny", "Nigeria",
            new BeneficiaryPostalAddress("Ikeja", "Lagos", "900901", "1st episode john doe street", null, PostalCodeIsNumber: true),
            new DateTimeOffset(2024, 5, 8, 13, 47, 11, TimeSpan.Zero), updatedAt);

    private static Task<(HttpResponseMessage Response, JsonNode Body)> PayAsync(HttpClient client, long beneficiaryId, long detailsId, decimal amount = 100m) =>
        client.PostJsonAsync("/payout/simple", new { beneficiary_id = beneficiaryId, amount, beneficiary_details_id = detailsId });

    private Task WaitForAsync(Func<Payouts.PayoutService.Data.PayoutsDbContext, Task<bool>> condition, string what) =>
        Eventually.HoldsAsync(() => Fixture.QueryAsync(condition), what, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task The_saved_profile_is_embedded_and_an_older_copy_never_replaces_a_newer_one()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId);
        var newer = DateTimeOffset.UtcNow;
        await Fixture.Bus.Publish(Profile(beneficiaryId, userId, newer, "John Smith"));
        await WaitForAsync(db => db.Beneficiaries.AnyAsync(b => b.Id == beneficiaryId && b.Known), "The profile");
        var staleId = Guid.NewGuid();
        await Fixture.Bus.Publish(Profile(beneficiaryId, userId, newer.AddMinutes(-5), "Stale Name"),
            context => context.MessageId = staleId);
        // The stale copy is consumed (its inbox row commits with its effect) but changes nothing.
        await WaitForAsync(db => db.Set<Payouts.Messaging.Inbox.InboxState>().AnyAsync(i => i.MessageId == staleId), "The stale profile's consumption");
        using var client = Fixture.ClientFor(userId);

        var (paid, body) = await PayAsync(client, beneficiaryId, detailsId);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var beneficiary = body["data"]!["beneficiary"]!;
        Assert.Equal(beneficiaryId, beneficiary["id"]!.GetValue<long>());
        Assert.Equal(userId, beneficiary["user_id"]!.GetValue<long>());
        Assert.Equal("individual", beneficiary["recipient_type"].Str());
        Assert.Equal("John Smith", beneficiary["customer_name"].Str());
        Assert.Equal("john@example.com", beneficiary["customer_email"].Str());
        Assert.Equal("Johnny", beneficiary["customer_nickname"].Str());
        Assert.Equal("Nigeria", beneficiary["country"].Str());
        var address = beneficiary["customer_address"]!;
        Assert.Equal("Ikeja", address["city"].Str());
        Assert.Equal("Lagos", address["county"].Str());
        Assert.Equal(900901, address["postal_code"]!.GetValue<int>());
        Assert.Equal("1st episode john doe street", address["address_line_1"].Str());
        Assert.Null(address["address_line_2"]);
        Assert.Equal(2024, DateTimeOffset.Parse(beneficiary["created_at"].Str(), System.Globalization.CultureInfo.InvariantCulture).Year);
        Assert.NotNull(beneficiary["updated_at"]);
        Assert.Equal("****9876", beneficiary["details"]!["account_number"].Str());
    }

    [Fact]
    public async Task Before_the_profile_arrives_only_what_is_known_is_embedded()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId);
        using var client = Fixture.ClientFor(userId);

        var (paid, body) = await PayAsync(client, beneficiaryId, detailsId);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var beneficiary = body["data"]!["beneficiary"]!.AsObject();
        Assert.Equal(beneficiaryId, beneficiary["id"]!.GetValue<long>());
        Assert.Equal(userId, beneficiary["user_id"]!.GetValue<long>());
        Assert.Equal("NG", beneficiary["country"].Str());
        Assert.False(beneficiary.ContainsKey("customer_name"));
        Assert.False(beneficiary.ContainsKey("customer_address"));
    }

    [Fact]
    public async Task Removed_details_are_not_payable_and_their_pending_payout_is_cancelled_with_its_hold_released()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId);
        var (_, keptDetailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId, beneficiaryId: beneficiaryId);
        using var client = Fixture.ClientFor(userId);
        var (_, first) = await PayAsync(client, beneficiaryId, detailsId, 300m);
        var (_, kept) = await PayAsync(client, beneficiaryId, keptDetailsId, 200m);
        var payoutUuid = Guid.Parse(first["data"]!["payout_id"].Str());
        Assert.Equal((500m, 500m, 0m), await Fixture.BalancesAsync(userId));

        await Fixture.Bus.Publish(new BeneficiaryDetailsRemoved(detailsId, beneficiaryId, userId.Text(), DateTimeOffset.UtcNow));

        var cancelled = await Fixture.Events.WaitForAsync<PayoutCancelled>(e => e.PayoutId == payoutUuid);
        Assert.Equal("beneficiary details removed", cancelled.Reason);
        Assert.Equal((800m, 200m, 0m), await Fixture.BalancesAsync(userId));
        Assert.Equal("pending", await Fixture.QueryAsync(db => db.Payouts.Where(p => p.Uuid == Guid.Parse(kept["data"]!["payout_id"].Str())).Select(p => p.Status).SingleAsync()));
        var (again, againBody) = await PayAsync(client, beneficiaryId, detailsId);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("failed", againBody["status"].Str());
        Assert.Equal(404, againBody["status_code"]!.GetValue<int>());
        Assert.Equal((800m, 200m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task A_removed_beneficiary_takes_all_its_details_and_stays_removed_when_a_late_profile_arrives()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var (beneficiaryId, detailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId);
        var (_, otherDetailsId) = await Fixture.AddBeneficiaryDetailsAsync(userId, beneficiaryId: beneficiaryId);
        using var client = Fixture.ClientFor(userId);
        var (_, a) = await PayAsync(client, beneficiaryId, detailsId, 100m);
        var (_, b) = await PayAsync(client, beneficiaryId, otherDetailsId, 150m);
        var uuids = new[] { a, b }.Select(r => Guid.Parse(r["data"]!["payout_id"].Str())).ToList();

        await Fixture.Bus.Publish(new BeneficiaryRemoved(beneficiaryId, userId.Text(), DateTimeOffset.UtcNow));

        foreach (var uuid in uuids) await Fixture.Events.WaitForAsync<PayoutCancelled>(e => e.PayoutId == uuid);
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        await Fixture.Bus.Publish(Profile(beneficiaryId, userId, DateTimeOffset.UtcNow));
        await WaitForAsync(db => db.Beneficiaries.AnyAsync(x => x.Id == beneficiaryId && x.Known), "The late profile");
        var (refused, _) = await PayAsync(client, beneficiaryId, otherDetailsId);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Details_removed_before_they_were_announced_stay_unpayable()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        const long beneficiaryId = 77_000_001;
        var detailsId = 88_000_000 + (DateTime.UtcNow.Ticks % 1_000_000);
        await Fixture.Bus.Publish(new BeneficiaryDetailsRemoved(detailsId, beneficiaryId, userId.Text(), DateTimeOffset.UtcNow));
        await WaitForAsync(db => db.BeneficiaryDestinations.AnyAsync(d => d.Id == detailsId && d.Removed), "The tombstone");
        await Fixture.Bus.Publish(new BeneficiaryDetailsAdded(detailsId, beneficiaryId, userId.Text(), null, "Access Bank", "****9876", "USD", "NG",
            DateTimeOffset.UtcNow.AddMinutes(-1), "bank_transfer"));
        await WaitForAsync(db => db.BeneficiaryDestinations.AnyAsync(d => d.Id == detailsId && d.Currency == "USD"), "The late details");
        using var client = Fixture.ClientFor(userId);

        var (refused, _) = await PayAsync(client, beneficiaryId, detailsId);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await Fixture.PayoutCountAsync(userId));
    }
}
