using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Telemetry;
using Payouts.PayoutService.Tests.Support;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// The payouts-by-status gauge and the transitions counter, collected in process after real requests, the saga and the
/// broker. The payouts are in pesos, which no other test pays in, so the numbers are this test's alone.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class PayoutMetricsTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private const string Pesos = "MXN";

    // The gauge is read again at most every 5 s.
    private static readonly TimeSpan GaugeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_gauge_counts_payouts_by_status_from_the_database_and_the_counter_counts_each_committed_transition()
    {
        var meters = Fixture.Services.GetRequiredService<IMeterFactory>();
        using var counts = new MetricCollector<long>(meters, PayoutMetrics.MeterName, PayoutMetrics.Count);
        using var transitions = new MetricCollector<long>(meters, PayoutMetrics.MeterName, PayoutMetrics.Transitions);
        var userId = await Fixture.NewFundedUserAsync(10_000m, Pesos);
        using var user = Fixture.ClientFor(userId);
        using var admin = Fixture.AdminClient();
        var payouts = new List<Guid>();
        for (var i = 0; i < 6; i++) payouts.Add(await RequestAsync(user));
        var (pending, cancelled, rejected, paidByReference, failed, processing) = (payouts[0], payouts[1], payouts[2], payouts[3], payouts[4], payouts[5]);

        Expect(await user.PostFormAsync("/api/action/payout/cancel/", ("payout_id", cancelled.ToString())), HttpStatusCode.OK);
        Expect(await admin.PostJsonAsync($"/api/admin/payouts/{rejected}/reject", new { rejectionReason = "Metrics test" }), HttpStatusCode.OK);
        Expect(await admin.PostJsonAsync($"/api/admin/payouts/{paidByReference}/process", new { transactionReference = "TXN-METRICS" }),
            HttpStatusCode.OK);
        Fixture.Settlement.FailNext(failed, "account_closed", "Beneficiary account is closed");
        Expect(await admin.PostJsonAsync($"/api/admin/payouts/{failed}/process", new { }), HttpStatusCode.OK);
        Fixture.Settlement.Hold(processing);
        Expect(await admin.PostJsonAsync($"/api/admin/payouts/{processing}/process", new { }), HttpStatusCode.Accepted);

        var expected = new Dictionary<string, long>
        {
            ["pending"] = 1, ["processing"] = 1, ["completed"] = 1, ["failed"] = 1, ["rejected"] = 1, ["cancelled"] = 1,
        };
        await WaitForGaugeAsync(counts, expected);
        Assert.Equal(Sorted(expected), Sorted(await CountedInDatabaseAsync()));
        Assert.Equal(Sorted(new Dictionary<string, long>
        {
            ["pending"] = 6, ["processing"] = 2, ["completed"] = 1, ["failed"] = 1, ["rejected"] = 1, ["cancelled"] = 1,
        }), Transitions(transitions));

        // The held payout settles later through the saga: processing empties (reported as 0, not dropped), completed grows.
        await Fixture.Bus.Publish(new PayoutSettled(processing, "TRF-METRICS", 98m, Pesos, DateTimeOffset.UtcNow));
        await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == processing);
        expected["processing"] = 0;
        expected["completed"] = 2;
        await WaitForGaugeAsync(counts, expected);
        Assert.Equal(Sorted(expected.Where(e => e.Value > 0).ToDictionary()), Sorted(await CountedInDatabaseAsync()));
        Assert.Equal(Sorted(new Dictionary<string, long>
        {
            ["pending"] = 6, ["processing"] = 2, ["completed"] = 2, ["failed"] = 1, ["rejected"] = 1, ["cancelled"] = 1,
        }), Transitions(transitions));
        Assert.Equal("pending", await Fixture.QueryAsync(db => db.Payouts.Where(p => p.Uuid == pending).Select(p => p.Status).SingleAsync()));
    }

    private async Task<Guid> RequestAsync(HttpClient user)
    {
        var (response, body) = await user.PostJsonAsync("/api/action/payout/",
            new Dictionary<string, string> { ["amount"] = "100", ["currency"] = Pesos, ["method"] = "paypal", ["paypal_email"] = "payee@example.com" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return Guid.Parse(body["payout_uuid"].Str());
    }

    private static void Expect((HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode Body) answer, HttpStatusCode status) =>
        Assert.True(answer.Response.StatusCode == status, $"{(int)answer.Response.StatusCode}: {answer.Body.ToJsonString()}");

    /// <summary>The gauge's peso values, observed as the exporter observes them.</summary>
    private static SortedDictionary<string, long> Gauge(MetricCollector<long> counts)
    {
        counts.Clear();
        counts.RecordObservableInstruments();
        return Sorted(counts.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags[PayoutMetrics.CurrencyTag], Pesos))
            .ToDictionary(m => (string)m.Tags[PayoutMetrics.StatusTag]!, m => m.Value));
    }

    private static Task WaitForGaugeAsync(MetricCollector<long> counts, Dictionary<string, long> expected) =>
        Eventually.HoldsAsync(() => Gauge(counts).SequenceEqual(Sorted(expected)), $"the gauge to read {Describe(Sorted(expected))}", GaugeTimeout,
            detail: () => Task.FromResult($"It reads {Describe(Gauge(counts))}."));

    private static SortedDictionary<string, long> Transitions(MetricCollector<long> transitions) => Sorted(transitions.GetMeasurementSnapshot()
        .Where(m => Equals(m.Tags[PayoutMetrics.CurrencyTag], Pesos))
        .GroupBy(m => (string)m.Tags[PayoutMetrics.StatusTag]!)
        .ToDictionary(g => g.Key, g => g.Sum(m => m.Value)));

    private Task<Dictionary<string, long>> CountedInDatabaseAsync() => Fixture.QueryAsync(db => db.Payouts.Where(p => p.Currency == Pesos)
        .GroupBy(p => p.Status).ToDictionaryAsync(g => g.Key, g => g.LongCount()));

    private static SortedDictionary<string, long> Sorted(IDictionary<string, long> values) => new(values, StringComparer.Ordinal);

    private static string Describe(IDictionary<string, long> values) => string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
}
