using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// Payout requests through the gateway: each holds funds in the ledger (row locks on the payer's balance), takes a
/// yearly reference and writes an outbox event. Three shapes: many users requesting at once and one user's balance
/// (seed 000 <c>POST /api/action/payout/</c>, PayPal, so no bank-account verification to set up), and the company
/// wallet — many members of one company paying its beneficiary at once (seed 002 <c>POST /payout/simple</c>), every
/// request against the one wallet that seed 003 billing funded.
/// </summary>
public static class PayoutRequestBenchmark
{
    private const string Path = "/api/action/payout/";
    private const string SimplePath = "/payout/simple";
    private const decimal Amount = 10m;
    // Bank transfer's minimum (beneficiary details are paid by bank transfer).
    private const decimal SimpleAmount = 50m;
    private const string Company = "bench-company";

    public static async Task RunAsync(int requests, int warmup, int concurrency, int users, BenchResults results)
    {
        await using var platform = await BenchPlatform.StartAsync(settlementReplicas: 1,
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["gateway"] = BenchPlatform.UnlimitedGateway });
        var issuer = platform.Issuer;
        using var gateway = platform.CreateHttpClient("gateway");
        gateway.Timeout = TimeSpan.FromSeconds(60);
        var admin = BenchSetup.Bearer(issuer, "1", PayoutsRoles.Admin);
        // Every user can afford every request sent to it, so the figures are for successful holds.
        var perUserFunds = (requests + warmup) * Amount;

        var many = await CreateUsersAsync(gateway, admin, issuer, 1_000_001, users, perUserFunds);
        Console.WriteLine($"  many users: {users} users, POST {Path} (paypal, {Amount} USD), concurrency {concurrency}");
        results.Add(await ReportAsync(platform, gateway, "many users", many, warmup, requests, concurrency, PaypalRequest));

        var hot = await CreateUsersAsync(gateway, admin, issuer, 2_000_001, 1, perUserFunds);
        Console.WriteLine($"  hot account: 1 user, every request against one balance, concurrency {concurrency}");
        results.Add(await ReportAsync(platform, gateway, "hot account", hot, warmup, requests, concurrency, PaypalRequest));

        var (members, simpleRequest) = await CreateCompanyAsync(gateway, admin, issuer, members: users, funds: (requests + warmup + 1) * SimpleAmount);
        Console.WriteLine($"  company wallet: {users} members of one company, POST {SimplePath} ({SimpleAmount} USD to its beneficiary), concurrency {concurrency}");
        results.Add(await ReportAsync(platform, gateway, "company wallet", members, warmup, requests, concurrency, simpleRequest));
    }

    private static async Task<BenchFigures> ReportAsync(BenchPlatform platform, HttpClient gateway, string name, AuthenticationHeaderValue[] payers,
        int warmup, int requests, int concurrency, Func<HttpRequestMessage> newRequest)
    {
        await MeasureAsync(gateway, payers, warmup, concurrency, newRequest);
        var meter = await CostMeter.StartAsync(platform);
        var (samples, elapsed, failures) = await MeasureAsync(gateway, payers, requests, concurrency, newRequest);
        var costs = await meter.StopAsync(samples.Count, "request");
        var stats = LatencyStats.From(samples);
        Console.WriteLine($"    throughput: {samples.Count / elapsed.TotalSeconds:0} req/s ({samples.Count} requests in {elapsed.TotalSeconds:0.00} s, {failures} non-200)");
        Console.WriteLine($"    latency   : {stats}");
        Console.WriteLine(costs);
        return new BenchFigures(name, "request", samples.Count, elapsed.TotalSeconds, samples.Count / elapsed.TotalSeconds,
            new Dictionary<string, LatencyStats> { ["request"] = stats }, costs, new Dictionary<string, object> { ["non200"] = failures });
    }

    private static async Task<AuthenticationHeaderValue[]> CreateUsersAsync(HttpClient gateway, AuthenticationHeaderValue admin, LocalTokenIssuer issuer,
        long firstId, int count, decimal funds)
    {
        var tokens = new AuthenticationHeaderValue[count];
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            await BenchSetup.SendOkAsync(gateway, admin, "/api/admin/users", new { id, email = $"bench{id}@example.com", minimumPayout = "10" });
            await BenchSetup.SendOkAsync(gateway, admin, $"/api/admin/users/{id}/credits",
                new { amount = funds.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"BENCH-{id}" });
            tokens[i] = BenchSetup.Bearer(issuer, id.ToString(CultureInfo.InvariantCulture), PayoutsRoles.User);
        }

        return tokens;
    }

    private static async Task<(List<TimeSpan> Samples, TimeSpan Elapsed, int Failures)> MeasureAsync(
        HttpClient gateway, AuthenticationHeaderValue[] payers, int count, int concurrency, Func<HttpRequestMessage> newRequest)
    {
        var samples = new List<TimeSpan>(count);
        var remaining = count;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Decrement(ref remaining)) >= 0)
            {
                var requestStarted = Stopwatch.GetTimestamp();
                using var request = newRequest();
                request.Headers.Authorization = payers[index % payers.Length];
                using var response = await gateway.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(requestStarted);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                lock (samples) samples.Add(elapsed);
            }
        }));
        return (samples, Stopwatch.GetElapsedTime(started), failures);
    }

    private static HttpRequestMessage PaypalRequest() => new(HttpMethod.Post, Path)
    {
        Content = new FormUrlEncodedContent([new("amount", Amount.ToString(CultureInfo.InvariantCulture)), new("method", "paypal"),
            new("paypal_email", "bench@example.com")]),
    };

    /// <summary>
    /// A company whose wallet is funded the way billing does it (invoice, manual payment, admin approval), a beneficiary
    /// with bank details added by one member, and tokens for <paramref name="members"/> members; returns once
    /// PayoutService has heard of the details (BankAccountService's event).
    /// </summary>
    private static async Task<(AuthenticationHeaderValue[] Members, Func<HttpRequestMessage> NewRequest)> CreateCompanyAsync(
        HttpClient gateway, AuthenticationHeaderValue admin, LocalTokenIssuer issuer, int members, decimal funds)
    {
        var tokens = Enumerable.Range(0, members)
            .Select(i => BenchSetup.Bearer(issuer, (3_000_001 + i).ToString(CultureInfo.InvariantCulture), PayoutsRoles.User, Company))
            .ToArray();
        var invoice = await BenchSetup.SendOkAsync(gateway, admin, "/api/v1/billing/admin/invoices/",
            new { company_id = Company, amount = funds.ToString(CultureInfo.InvariantCulture), currency = "USD" });
        var payment = await BenchSetup.SendOkAsync(gateway, tokens[0], "/api/v1/billing/payments/manual/",
            new { invoice_id = invoice.GetProperty("invoice").GetProperty("id").GetInt64(), payment_method = "bank_transfer", transaction_reference = "BENCH-WIRE" });
        await BenchSetup.SendOkAsync(gateway, admin, $"/api/v1/billing/admin/payments/{payment.GetProperty("payment").GetProperty("id").GetInt64()}/approve/", new { });

        var beneficiary = await BenchSetup.SendOkAsync(gateway, tokens[0], "/beneficiaries",
            new { recipient_type = "business", customer_name = "Bench Supplier", customer_email = "supplier@example.com", country = "US" });
        var beneficiaryId = beneficiary.GetProperty("data").GetProperty("id").GetInt64();
        var details = await BenchSetup.SendOkAsync(gateway, tokens[0], $"/beneficiaries/{beneficiaryId}/details",
            new { bank_name = "Chase", account_number = "500000000018", routing_number = "021000021", country = "US", currency = "USD" });
        var detailsId = details.GetProperty("data").GetProperty("beneficiary_details_id").GetInt64();
        var body = JsonSerializer.Serialize(new { beneficiary_id = beneficiaryId, amount = SimpleAmount, beneficiary_details_id = detailsId });
        HttpRequestMessage NewRequest() => new(HttpMethod.Post, SimplePath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // The details reach PayoutService as an event; until then it answers 404. The probe is a real payout, funded like the rest.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var probe = NewRequest();
            probe.Headers.Authorization = tokens[0];
            using var response = await gateway.SendAsync(probe);
            if (response.IsSuccessStatusCode) break;
            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Setting up the benchmark failed: POST {SimplePath} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }

        return (tokens, NewRequest);
    }
}
