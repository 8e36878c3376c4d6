using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>The admin console's pictures: payouts per day by status and the amount paid per day (issue 14).</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class PayoutsPerDayTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task Today_counts_the_payouts_requested_by_their_status_and_the_amount_completed_and_every_day_of_the_range_is_there()
    {
        using var admin = Fixture.AdminClient();
        var before = await TodayAsync(admin);
        var (_, _, paidId, _) = await Fixture.PendingPayoutAsync(1000m, 120m);
        await Fixture.PendingPayoutAsync(1000m, 60m);
        var (processed, _) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", paidId.Text()), ("transaction_id", "TXN-DAILY"));
        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);

        var after = await TodayAsync(admin);
        Assert.Equal(before.Requested + 2, after.Requested);
        Assert.Equal(Count(before.ByStatus, "completed") + 1, Count(after.ByStatus, "completed"));
        Assert.Equal(Count(before.ByStatus, "pending") + 1, Count(after.ByStatus, "pending"));
        Assert.Equal(after.Requested, after.ByStatus.Sum(s => s.Value!.GetValue<int>()));
        Assert.Equal(before.Paid + 120m, after.Paid);

        var (week, weekBody) = await admin.GetJsonAsync("/api/admin/payouts/daily?days=7&currency=usd");
        Assert.Equal(HttpStatusCode.OK, week.StatusCode);
        Assert.Equal("USD", weekBody["data"]!["currency"].Str());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(Enumerable.Range(0, 7).Select(d => today.AddDays(d - 6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            weekBody["data"]!["days"]!.AsArray().Select(d => d!["date"].Str()));
    }

    [Theory]
    [InlineData("days=0", "days")]
    [InlineData("days=91", "days")]
    [InlineData("currency=XYZ", "currency")]
    public async Task A_range_or_currency_out_of_bounds_is_refused_in_the_admin_envelope(string query, string field)
    {
        using var admin = Fixture.AdminClient();
        var (response, body) = await admin.GetJsonAsync($"/api/admin/payouts/daily?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Contains(field, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_sees_the_figures()
    {
        var (userId, _, _, _) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var user = Fixture.ClientFor(userId);
        var (forbidden, _) = await user.GetJsonAsync("/api/admin/payouts/daily");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<(int Requested, JsonObject ByStatus, decimal Paid)> TodayAsync(HttpClient admin)
    {
        var (response, body) = await admin.GetJsonAsync("/api/admin/payouts/daily");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var days = body["data"]!["days"]!.AsArray();
        Assert.Equal(30, days.Count);
        var today = days[^1]!;
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today["date"].Str());
        return (today["requested"]!.GetValue<int>(), today["requestedByStatus"]!.AsObject(), today["paidAmount"].Decimal());
    }

    private static int Count(JsonObject byStatus, string status) => byStatus[status]?.GetValue<int>() ?? 0;
}
