using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Payouts.AppHost.Platform;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// Seed 000's payout request (<c>POST /api/action/payout/</c>) through the gateway: each request holds funds in the
/// ledger (row locks on the payer's balance), takes a yearly reference and writes an outbox event. Two shapes: many
/// users requesting at once, and the hot account — everyone requesting against one balance. PayPal payouts, so no
/// bank-account verification is needed to set up.
/// </summary>
public static class PayoutRequestBenchmark
{
    private const string Path = "/api/action/payout/";
    private const decimal Amount = 10m;

    public static async Task RunAsync(int requests, int warmup, int concurrency, int users)
    {
        var dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "payouts-bench", Guid.NewGuid().ToString("N")[..12]);
        var options = new PlatformOptions { DataDirectory = dataDirectory, Ephemeral = true, GatewayPort = 0, SettlementReplicas = 1 };
        // A limit the benchmark never reaches: it measures the service behind the gateway, not rate limiting.
        options.ExtraEnvironment["gateway"] = new() { ["Gateway__RateLimit__PermitLimit"] = "100000000", ["Gateway__RateLimit__WindowSeconds"] = "60" };

        await using var platform = await PayoutsPlatform.StartAsync(options);
        try
        {
            var issuer = new LocalTokenIssuer(new AuthSettings(platform.SigningKey));
            using var gateway = platform.CreateHttpClient("gateway");
            gateway.Timeout = TimeSpan.FromSeconds(60);
            var admin = Bearer(issuer, "1", PayoutsRoles.Admin);
            // Every user can afford every request sent to it, so the figures are for successful holds.
            var perUserFunds = (requests + warmup) * Amount;

            var many = await CreateUsersAsync(gateway, admin, issuer, 1_000_001, users, perUserFunds);
            Console.WriteLine($"  many users: {users} users, POST {Path} (paypal, {Amount} USD), concurrency {concurrency}");
            await ReportAsync(gateway, many, warmup, requests, concurrency);

            var hot = await CreateUsersAsync(gateway, admin, issuer, 2_000_001, 1, perUserFunds);
            Console.WriteLine($"  hot account: 1 user, every request against one balance, concurrency {concurrency}");
            await ReportAsync(gateway, hot, warmup, requests, concurrency);
        }
        finally
        {
            await platform.StopAsync();
            try { Directory.Delete(dataDirectory, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task ReportAsync(HttpClient gateway, AuthenticationHeaderValue[] payers, int warmup, int requests, int concurrency)
    {
        await MeasureAsync(gateway, payers, warmup, concurrency);
        var (samples, elapsed, failures) = await MeasureAsync(gateway, payers, requests, concurrency);
        var stats = LatencyStats.From(samples);
        Console.WriteLine($"    throughput: {samples.Count / elapsed.TotalSeconds:0} req/s ({samples.Count} requests in {elapsed.TotalSeconds:0.00} s, {failures} non-200)");
        Console.WriteLine($"    latency   : {stats}");
    }

    private static async Task<AuthenticationHeaderValue[]> CreateUsersAsync(HttpClient gateway, AuthenticationHeaderValue admin, LocalTokenIssuer issuer,
        long firstId, int count, decimal funds)
    {
        var tokens = new AuthenticationHeaderValue[count];
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            await SendOkAsync(gateway, admin, "/api/admin/users", new { id, email = $"bench{id}@example.com", minimumPayout = "10" });
            await SendOkAsync(gateway, admin, $"/api/admin/users/{id}/credits",
                new { amount = funds.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"BENCH-{id}" });
            tokens[i] = Bearer(issuer, id.ToString(CultureInfo.InvariantCulture), PayoutsRoles.User);
        }

        return tokens;
    }

    private static async Task<(List<TimeSpan> Samples, TimeSpan Elapsed, int Failures)> MeasureAsync(
        HttpClient gateway, AuthenticationHeaderValue[] payers, int count, int concurrency)
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
                using var request = new HttpRequestMessage(HttpMethod.Post, Path)
                {
                    Content = new FormUrlEncodedContent([new("amount", Amount.ToString(CultureInfo.InvariantCulture)), new("method", "paypal"),
                        new("paypal_email", "bench@example.com")]),
                };
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

    private static async Task SendOkAsync(HttpClient gateway, AuthenticationHeaderValue token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = token;
        using var response = await gateway.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Setting up the benchmark failed: POST {path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static AuthenticationHeaderValue Bearer(LocalTokenIssuer issuer, string subject, string role) =>
        new("Bearer", issuer.Issue(new AuthTokenRequest(subject, [role])));
}
