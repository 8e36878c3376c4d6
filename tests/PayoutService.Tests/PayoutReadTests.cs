using System.Net;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

[Collection(PayoutServiceCollection.Name)]
public sealed class PayoutReadTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task Own_payouts_are_paged_filtered_and_summarised_and_never_show_others()
    {
        var (userId, accountId, firstId, _) = await Fixture.PendingPayoutAsync(1000m, 100m);
        await Fixture.PendingPayoutAsync(1000m, 100m); // someone else's
        using var client = Fixture.ClientFor(userId);
        await client.RequestPayoutAsync(200m, accountId);
        await client.PostFormAsync("/api/action/payout/cancel/", ("payout_id", firstId.Text()));

        var (response, body) = await client.PostFormAsync("/api/get/payouts/", ("page", "1"), ("limit", "20"), ("status", "all"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body["total"]!.GetValue<int>());
        var payouts = body["payouts"]!.AsArray();
        Assert.Equal(["pending", "cancelled"], payouts.Select(p => p!["status"].Str()));
        Assert.Equal("****1234", payouts[0]!["bank_account"]!["account_number"].Str());
        Assert.Equal("Chase Bank", payouts[0]!["bank_account"]!["bank_name"].Str());
        Assert.StartsWith("PAY-", payouts[0]!["reference"].Str(), StringComparison.Ordinal);
        var summary = body["summary"]!;
        Assert.Equal(1000m, summary["total_earned"].Decimal());
        Assert.Equal(200m, summary["pending_amount"].Decimal());
        Assert.Equal(0m, summary["total_paid"].Decimal());

        var (pending, pendingBody) = await client.PostFormAsync("/api/get/payouts/", ("status", "pending"), ("limit", "1"));
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Equal(1, pendingBody["total"]!.GetValue<int>());
        var (page2, page2Body) = await client.PostFormAsync("/api/get/payouts/", ("page", "2"), ("limit", "1"));
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        Assert.Equal("cancelled", page2Body["payouts"]![0]!["status"].Str());

        var (badStatus, badStatusBody) = await client.PostFormAsync("/api/get/payouts/", ("status", "lost"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("status", badStatusBody["field"].Str());
        var (badPage, _) = await client.PostFormAsync("/api/get/payouts/", ("page", "0"));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var (badLimit, _) = await client.PostFormAsync("/api/get/payouts/", ("limit", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task Back_office_lists_all_payouts_by_date_and_status_with_a_summary_and_statistics()
    {
        var (userId, _, payoutId, _) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();
        await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()), ("transaction_id", "TXN-READ"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (all, allBody) = await admin.PostFormAsync("/api/payouts/all/", ("date_from", today), ("date_to", today), ("status", "completed"), ("limit", "100"));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var mine = allBody["payouts"]!.AsArray().Single(p => p!["id"]!.GetValue<long>() == payoutId)!;
        Assert.Equal(userId, mine["user_id"]!.GetValue<long>());
        Assert.Equal($"user{userId}@example.com", mine["user_email"].Str());
        Assert.Equal("Test User", mine["user_name"].Str());
        Assert.All(allBody["payouts"]!.AsArray(), p => Assert.Equal("completed", p!["status"].Str()));
        Assert.True(allBody["summary"]!["completed_amount"].Decimal() >= 100m);

        var (past, pastBody) = await admin.PostFormAsync("/api/payouts/all/", ("date_from", "2001-01-01"), ("date_to", "2001-12-31"));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Equal(0, pastBody["total"]!.GetValue<int>());
        var (badDate, badDateBody) = await admin.PostFormAsync("/api/payouts/all/", ("date_from", "01/02/2024"));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("date_from", badDateBody["field"].Str());

        var (stats, statsBody) = await admin.PostFormAsync("/api/payouts/stats/", ("date_from", today), ("date_to", today));
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        var total = statsBody["total_payouts"]!.GetValue<int>();
        Assert.True(total >= 1);
        Assert.Equal(total, statsBody["by_status"]!.AsObject().Sum(s => s.Value!.GetValue<int>()));
        Assert.Equal(total, statsBody["by_method"]!.AsObject().Sum(s => s.Value!.GetValue<int>()));
        Assert.True(statsBody["by_status"]!["completed"]!.GetValue<int>() >= 1);
        Assert.Equal(Math.Round(statsBody["total_amount"].Decimal() / total, 2, MidpointRounding.AwayFromZero), statsBody["average_payout"].Decimal());

        using var user = Fixture.ClientFor(userId);
        var (forbidden, forbiddenBody) = await user.PostFormAsync("/api/payouts/all/");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        // Seed 000's 403 on its payout paths.
        Assert.Equal("insufficient_permissions", forbiddenBody["error"].Str());
        Assert.Equal("You don't have permission to access payout information", forbiddenBody["message"].Str());
        var (forbiddenStats, _) = await user.PostFormAsync("/api/payouts/stats/");
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenStats.StatusCode);
    }

    [Fact]
    public async Task Admin_list_paginates_in_the_seed_004_shape_and_one_payout_shows_the_users_balance()
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();

        var (list, listBody) = await admin.GetJsonAsync("/api/admin/payouts?page=1&limit=2&status=pending");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(listBody["success"]!.GetValue<bool>());
        var pagination = listBody["data"]!["pagination"]!;
        Assert.Equal(1, pagination["currentPage"]!.GetValue<int>());
        Assert.Equal(2, pagination["itemsPerPage"]!.GetValue<int>());
        var totalItems = pagination["totalItems"]!.GetValue<int>();
        Assert.Equal((totalItems + 1) / 2, pagination["totalPages"]!.GetValue<int>());
        Assert.All(listBody["data"]!["payouts"]!.AsArray(), p => Assert.Equal("pending", p!["status"].Str()));

        var (tooMany, tooManyBody) = await admin.GetJsonAsync("/api/admin/payouts?limit=51");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.False(tooManyBody["success"]!.GetValue<bool>());

        foreach (var id in new[] { payoutUuid.ToString(), payoutId.Text() })
        {
            var (one, oneBody) = await admin.GetJsonAsync($"/api/admin/payouts/{id}");
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            var data = oneBody["data"]!;
            Assert.Equal(payoutUuid.ToString(), data["id"].Str());
            Assert.Equal(100m, data["amount"].Decimal());
            Assert.Equal(900m, data["user"]!["balance"].Decimal());
            Assert.Equal($"user{userId}@example.com", data["user"]!["email"].Str());
            Assert.Equal("****1234", data["bankAccount"]!["accountNumber"].Str());
            Assert.Equal("pending", data["status"].Str());
        }

        var (missing, missingBody) = await admin.GetJsonAsync($"/api/admin/payouts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missingBody["success"]!.GetValue<bool>());
        using var user = Fixture.ClientFor(userId);
        var (forbidden, _) = await user.GetJsonAsync($"/api/admin/payouts/{payoutUuid}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
