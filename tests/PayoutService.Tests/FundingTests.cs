using System.Net;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

[Collection(PayoutServiceCollection.Name)]
public sealed class FundingTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task First_authenticated_use_creates_the_user_from_the_token()
    {
        var userId = PayoutServiceFixture.NewUserId();
        using var client = Fixture.ClientFor(userId, "company-42");

        var (response, body) = await client.PostFormAsync("/api/user/balance/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(userId, body["user_id"]!.GetValue<long>());
        Assert.Equal(0m, body["available_balance"].Decimal());
        Assert.Equal(50m, body["minimum_payout"].Decimal());
        var user = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Id == userId));
        Assert.Equal("company-42", user.CompanyId);
        Assert.NotEqual(Guid.Empty, user.Uuid);
    }

    [Fact]
    public async Task Admin_creates_and_reads_a_user_by_numeric_id_or_uuid()
    {
        var userId = await Fixture.NewFundedUserAsync(0);
        using var admin = Fixture.AdminClient();

        var (byId, byIdBody) = await admin.GetJsonAsync($"/api/admin/users/{userId}");
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.True(byIdBody["success"]!.GetValue<bool>());
        var uuid = byIdBody["data"]!["id"].Str();
        var (byUuid, byUuidBody) = await admin.GetJsonAsync($"/api/admin/users/{uuid}");
        Assert.Equal(HttpStatusCode.OK, byUuid.StatusCode);
        Assert.Equal(userId, byUuidBody["data"]!["numericId"]!.GetValue<long>());
        Assert.Equal($"user{userId}@example.com", byUuidBody["data"]!["email"].Str());

        var (duplicate, _) = await admin.PostJsonAsync("/api/admin/users", new { id = userId });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var (missing, missingBody) = await admin.GetJsonAsync($"/api/admin/users/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missingBody["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Admin_paths_refuse_users()
    {
        var userId = PayoutServiceFixture.NewUserId();
        using var client = Fixture.ClientFor(userId);
        var (create, createBody) = await client.PostJsonAsync("/api/admin/users", new { id = userId });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.False(createBody["success"]!.GetValue<bool>());
        var (credit, _) = await client.PostJsonAsync($"/api/admin/users/{userId}/credits", new { amount = "10", currency = "USD", reference = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, credit.StatusCode);
        using var anonymous = Fixture.AnonymousClient();
        var (balance, _) = await anonymous.PostFormAsync("/api/user/balance/");
        Assert.Equal(HttpStatusCode.Unauthorized, balance.StatusCode);
    }

    [Fact]
    public async Task Credit_moves_funding_to_available_and_shows_in_balance_and_activity()
    {
        var userId = await Fixture.NewFundedUserAsync(0);
        await Fixture.CreditAsync(userId, 1000m);
        await Fixture.CreditAsync(userId, 250.55m);

        using var client = Fixture.ClientFor(userId);
        var (_, balance) = await client.PostFormAsync("/api/user/balance/", ("user_id", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1250.55m, balance["available_balance"].Decimal());
        Assert.Equal(1250.55m, balance["total_earned"].Decimal());
        Assert.Equal(0m, balance["pending_balance"].Decimal());
        Assert.Equal(0m, balance["total_paid"].Decimal());
        Assert.Equal("USD", balance["currency"].Str());

        var (activity, activityBody) = await client.GetJsonAsync("/api/user/transactions/");
        Assert.Equal(HttpStatusCode.OK, activity.StatusCode);
        Assert.Equal(2, activityBody["total"]!.GetValue<int>());
        Assert.All(activityBody["transactions"]!.AsArray(), t => Assert.Equal("credit", t!["type"].Str()));
    }

    [Fact]
    public async Task Credit_replay_with_the_same_key_returns_the_first_response_and_credits_once()
    {
        var userId = await Fixture.NewFundedUserAsync(0);
        using var admin = Fixture.AdminClient();
        var key = Guid.NewGuid().ToString();
        var body = new { amount = "100.00", currency = "USD", reference = "EARN-1" };

        var (first, firstBody) = await admin.PostJsonAsync($"/api/admin/users/{userId}/credits", body, key);
        var (second, secondBody) = await admin.PostJsonAsync($"/api/admin/users/{userId}/credits", body, key);
        var (reused, reusedBody) = await admin.PostJsonAsync($"/api/admin/users/{userId}/credits", new { amount = "200.00", currency = "USD", reference = "EARN-1" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstBody.ToJsonString(), secondBody.ToJsonString());
        Assert.Equal((HttpStatusCode)422, reused.StatusCode);
        Assert.False(reusedBody["success"]!.GetValue<bool>());
        Assert.Equal(100m, secondBody["data"]!["balance"].Decimal());
        using var client = Fixture.ClientFor(userId);
        var (_, balance) = await client.PostFormAsync("/api/user/balance/");
        Assert.Equal(100m, balance["available_balance"].Decimal());
    }

    [Theory]
    [InlineData("0", "USD", "amount")]
    [InlineData("-5", "USD", "amount")]
    [InlineData("abc", "USD", "amount")]
    [InlineData("1.001", "USD", "amount")]
    [InlineData("1e3", "USD", "amount")]
    [InlineData("10", "XYZ", "currency")]
    [InlineData("10", "USD", "reference")]
    public async Task Bad_credits_are_refused_and_move_nothing(string amount, string currency, string field)
    {
        var userId = await Fixture.NewFundedUserAsync(0);
        using var admin = Fixture.AdminClient();
        var (response, body) = await admin.PostJsonAsync($"/api/admin/users/{userId}/credits",
            field == "reference" ? new { amount, currency, reference = "" } : new { amount, currency, reference = "R-1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Contains(field, body["message"].Str(), StringComparison.OrdinalIgnoreCase);
        var (unknown, _) = await admin.PostJsonAsync($"/api/admin/users/{PayoutServiceFixture.NewUserId()}/credits", new { amount = "10", currency = "USD", reference = "R" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var entries = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.LedgerAccounts, a => a.OwnerId == userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, entries);
    }

    [Fact]
    public async Task Another_users_balance_is_not_found_for_a_user_but_visible_to_an_admin()
    {
        var owner = await Fixture.NewFundedUserAsync(75m);
        using var stranger = Fixture.ClientFor(PayoutServiceFixture.NewUserId());
        var (refused, refusedBody) = await stranger.PostFormAsync("/api/user/balance/", ("user_id", owner.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("not_found", refusedBody["error"].Str());

        using var admin = Fixture.AdminClient();
        var (allowed, allowedBody) = await admin.PostFormAsync("/api/user/balance/", ("user_id", owner.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(75m, allowedBody["available_balance"].Decimal());
    }

    [Fact]
    public async Task Payment_methods_come_from_configuration_with_limits_and_fees()
    {
        using var client = Fixture.ClientFor(PayoutServiceFixture.NewUserId());
        var (response, body) = await client.PostFormAsync("/api/payment-methods/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var methods = body["payment_methods"]!.AsArray();
        Assert.Equal(["bank_transfer", "paypal", "stripe", "check"], methods.Select(m => m!["id"].Str()));
        var bank = methods[0]!;
        Assert.Equal("2-3 business days", bank["processing_time"].Str());
        Assert.Equal(50m, bank["minimum_amount"].Decimal());
        Assert.Equal(10000m, bank["maximum_amount"].Decimal());
        Assert.Equal(2.9m, methods[1]!["fees"].Decimal());
    }
}
