using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Payouts.Contracts.Payouts;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

[Collection(PayoutServiceCollection.Name)]
public sealed partial class PayoutRequestTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [GeneratedRegex(@"^PAY-\d{4}-\d{3,}$")]
    private static partial Regex ReferencePattern();

    [Fact]
    public async Task Request_holds_the_amount_and_answers_with_a_yearly_reference()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        using var client = Fixture.ClientFor(userId);

        var (response, body) = await client.RequestPayoutAsync(500m, accountId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", body["status"].Str());
        Assert.Equal("Payout request submitted successfully", body["message"].Str());
        Assert.Equal("2-3 business days", body["estimated_processing_time"].Str());
        var reference = body["reference"].Str();
        Assert.Matches(ReferencePattern(), reference);
        Assert.StartsWith($"PAY-{DateTime.UtcNow.Year}-", reference, StringComparison.Ordinal);
        Assert.Equal((500m, 500m, 0m), await Fixture.BalancesAsync(userId));
        var payoutUuid = Guid.Parse(body["payout_uuid"].Str());
        var requested = await Fixture.Events.WaitForAsync<PayoutRequested>(e => e.PayoutId == payoutUuid);
        Assert.Equal(reference, requested.Reference);
        Assert.Equal(500m, requested.Amount);

        var (_, balance) = await client.PostFormAsync("/api/user/balance/");
        Assert.Equal(500m, balance["available_balance"].Decimal());
        Assert.Equal(500m, balance["pending_balance"].Decimal());
    }

    [Fact]
    public async Task Json_bodies_are_accepted_and_fees_come_from_the_method()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        using var client = Fixture.ClientFor(userId);

        var (response, body) = await client.PostJsonAsync("/api/action/payout/", new { amount = 100, method = "paypal", paypal_email = "me@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2.90m, body["fees"].Decimal());
        Assert.Equal(97.10m, body["net_amount"].Decimal());
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task References_are_unique_and_increase()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        using var client = Fixture.ClientFor(userId);
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, body) = await client.RequestPayoutAsync(50m, accountId);
            references.Add(body["reference"].Str());
        }

        Assert.Equal(3, references.Distinct().Count());
        var numbers = references.Select(r => long.Parse(r.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
    }

    public static TheoryData<string, string, string, string> BadRequests => new()
    {
        // amount, method, currency, expected error code (field for validation errors after ':')
        { "", "bank_transfer", "USD", "validation_error:amount" },
        { "0", "bank_transfer", "USD", "validation_error:amount" },
        { "-100", "bank_transfer", "USD", "validation_error:amount" },
        { "abc", "bank_transfer", "USD", "validation_error:amount" },
        { "100.001", "bank_transfer", "USD", "validation_error:amount" },
        { "100", "wire", "USD", "validation_error:method" },
        { "100", "", "USD", "validation_error:method" },
        { "100", "bank_transfer", "XXX", "validation_error:currency" },
        { "10001", "bank_transfer", "USD", "payout_limit_exceeded" },
        { "20", "bank_transfer", "USD", "validation_error:amount" },
        { "5000", "bank_transfer", "USD", "insufficient_balance" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_are_refused_holding_and_publishing_nothing(string amount, string method, string currency, string expected)
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        using var client = Fixture.ClientFor(userId);

        var (response, body) = await client.PostFormAsync("/api/action/payout/", ("amount", amount), ("method", method), ("currency", currency),
            ("bank_account_id", accountId.Text()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var parts = expected.Split(':');
        Assert.Equal(parts[0], body["error"].Str());
        if (parts.Length > 1) Assert.Equal(parts[1], body["field"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        Assert.Equal(0, await Fixture.PayoutCountAsync(userId));
    }

    [Fact]
    public async Task Destination_must_be_the_users_own_live_verified_account()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var unverified = await Fixture.AddAsync(userId, verified: false);
        var someoneElses = await Fixture.AddAsync(PayoutServiceFixture.NewUserId());
        using var client = Fixture.ClientFor(userId);

        var (notVerified, notVerifiedBody) = await client.RequestPayoutAsync(100m, unverified);
        Assert.Equal(HttpStatusCode.BadRequest, notVerified.StatusCode);
        Assert.Equal("bank_account_not_verified", notVerifiedBody["error"].Str());
        Assert.Equal("Bank account must be verified before payout", notVerifiedBody["message"].Str());

        var (foreign, foreignBody) = await client.RequestPayoutAsync(100m, someoneElses);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("bank_account_id", foreignBody["field"].Str());

        var (unknown, _) = await client.RequestPayoutAsync(100m, 987_654_321_987);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var (missing, missingBody) = await client.PostFormAsync("/api/action/payout/", ("amount", "100"), ("method", "bank_transfer"));
        Assert.Equal("bank_account_id", missingBody["field"].Str());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        // Verification arriving later makes it payable.
        await Fixture.Bus.Publish(new Payouts.Contracts.BankAccounts.BankAccountVerified(unverified, Guid.NewGuid(), userId.Text(), DateTimeOffset.UtcNow));
        await Fixture.WaitForAccountAsync(unverified, a => a.Verified);
        var (verified, _) = await client.RequestPayoutAsync(100m, unverified);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Wrong_content_type_and_malformed_json_are_refused()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        using var client = Fixture.ClientFor(userId);

        using var text = await client.PostAsync(new Uri("/api/action/payout/", UriKind.Relative), new StringContent("amount=100", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("unsupported_media_type", (await HttpHelpers.BodyAsync(text))["error"].Str());

        using var broken = await client.PostAsync(new Uri("/api/action/payout/", UriKind.Relative), new StringContent("{\"amount\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        using var array = await client.PostAsJsonAsync(new Uri("/api/action/payout/", UriKind.Relative), new[] { 1, 2 });
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.Equal(0, await Fixture.PayoutCountAsync(userId));
    }

    [Fact]
    public async Task Idempotency_key_replays_the_first_response_and_refuses_another_body()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        using var client = Fixture.ClientFor(userId);
        var key = Guid.NewGuid().ToString();
        var body = new { amount = "100", method = "bank_transfer", bank_account_id = accountId };

        var (first, firstBody) = await client.PostJsonAsync("/api/action/payout/", body, key);
        var (replay, replayBody) = await client.PostJsonAsync("/api/action/payout/", body, key);
        var (reuse, reuseBody) = await client.PostJsonAsync("/api/action/payout/", new { amount = "200", method = "bank_transfer", bank_account_id = accountId }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(firstBody.ToJsonString(), replayBody.ToJsonString());
        Assert.Equal((HttpStatusCode)422, reuse.StatusCode);
        Assert.Equal("idempotency_key_reused", reuseBody["error"].Str());
        Assert.Equal(1, await Fixture.PayoutCountAsync(userId));
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Parallel_requests_with_one_idempotency_key_hold_once_and_all_answer_the_first_response()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        using var client = Fixture.ClientFor(userId);
        var key = Guid.NewGuid().ToString();

        // A client retrying on a timeout while its first request is still in flight: the later ones wait for it, then replay it.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            client.PostJsonAsync("/api/action/payout/", new { amount = "100", method = "bank_transfer", bank_account_id = accountId }, key)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Single(results.Select(r => r.Body.ToJsonString()).Distinct());
        Assert.Equal(1, await Fixture.PayoutCountAsync(userId));
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
        var payoutUuid = Guid.Parse(results[0].Body["payout_uuid"].Str());
        await Fixture.Events.WaitForAsync<PayoutRequested>(e => e.PayoutId == payoutUuid);
        Assert.Single(Fixture.Events.OfType<PayoutRequested>(), e => e.UserId == userId.Text());
    }

    [Fact]
    public async Task Fifty_parallel_requests_against_a_balance_for_ten_hold_exactly_ten()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        using var client = Fixture.ClientFor(userId);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.RequestPayoutAsync(100m, accountId)));

        Assert.Equal(10, results.Count(r => r.Response.StatusCode == HttpStatusCode.OK));
        var refused = results.Where(r => r.Response.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(40, refused.Count);
        Assert.All(refused, r => Assert.Equal("insufficient_balance", r.Body["error"].Str()));
        Assert.Equal((0m, 1000m, 0m), await Fixture.BalancesAsync(userId));
        Assert.Equal(10, await Fixture.PayoutCountAsync(userId));
        Assert.Equal(10, results.Where(r => r.Response.StatusCode == HttpStatusCode.OK).Select(r => r.Body["reference"].Str()).Distinct().Count());
    }
}
