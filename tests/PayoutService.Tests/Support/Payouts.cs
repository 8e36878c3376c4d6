using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Payouts.PayoutService.Tests.Support;

public static class PayoutTestExtensions
{
    public static string Text(this long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A funded user with a verified bank account and one pending payout; returns (user, payout id, uuid).</summary>
    public static async Task<(long UserId, long AccountId, long PayoutId, Guid PayoutUuid)> PendingPayoutAsync(this PayoutServiceFixture fixture,
        decimal balance = 1000m, decimal amount = 100m)
    {
        var userId = await fixture.NewFundedUserAsync(balance);
        var accountId = await fixture.AddAsync(userId);
        using var client = fixture.ClientFor(userId);
        var (response, body) = await client.RequestPayoutAsync(amount, accountId);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return (userId, accountId, body["payout_id"]!.GetValue<long>(), Guid.Parse(body["payout_uuid"].Str()));
    }

    public static Task<(HttpResponseMessage Response, JsonNode Body)> RequestPayoutAsync(this HttpClient client, decimal amount, long accountId) =>
        client.PostFormAsync("/api/action/payout/", ("amount", amount.ToString(CultureInfo.InvariantCulture)), ("method", "bank_transfer"),
            ("bank_account_id", accountId.Text()));

    public static async Task<(decimal Available, decimal Held, decimal Paid)> BalancesAsync(this PayoutServiceFixture fixture, long userId)
    {
        var owner = userId.Text();
        var accounts = await fixture.QueryAsync(db => db.LedgerAccounts.AsNoTracking().Where(a => a.OwnerType == "user" && a.OwnerId == owner).ToListAsync());
        decimal Of(string kind) => accounts.FirstOrDefault(a => a.Kind == kind)?.Balance ?? 0m;
        return (Of("available"), Of("held"), Of("paid"));
    }

    public static Task<string> StatusAsync(this PayoutServiceFixture fixture, long payoutId) =>
        fixture.QueryAsync(db => db.Payouts.AsNoTracking().Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync());

    public static Task<int> PayoutCountAsync(this PayoutServiceFixture fixture, long userId) =>
        fixture.QueryAsync(db => db.Payouts.CountAsync(p => p.UserId == userId));
}
