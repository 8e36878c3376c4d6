using System.Globalization;
using System.Net;

namespace Payouts.PayoutService.Tests.Support;

public static class Funding
{
    /// <summary>Credits a fresh user (created by the admin) with <paramref name="amount"/>; returns the user id.</summary>
    public static async Task<long> NewFundedUserAsync(this PayoutServiceFixture fixture, decimal amount, string currency = "USD",
        decimal minimumPayout = 10m)
    {
        var userId = PayoutServiceFixture.NewUserId();
        using var admin = fixture.AdminClient();
        var (created, createdBody) = await admin.PostJsonAsync("/api/admin/users", new { id = userId, email = $"user{userId}@example.com", firstName = "Test", lastName = "User", minimumPayout });
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody.ToJsonString());
        if (amount > 0) await fixture.CreditAsync(userId, amount, currency);
        return userId;
    }

    public static async Task CreditAsync(this PayoutServiceFixture fixture, long userId, decimal amount, string currency = "USD")
    {
        using var admin = fixture.AdminClient();
        var (credited, body) = await admin.PostJsonAsync($"/api/admin/users/{userId}/credits",
            new { amount = amount.ToString(CultureInfo.InvariantCulture), currency, reference = $"EARN-{Guid.NewGuid():N}" });
        Assert.True(credited.StatusCode == HttpStatusCode.Created, body.ToJsonString());
    }
}
