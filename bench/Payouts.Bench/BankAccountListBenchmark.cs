using System.Diagnostics;
using System.Net.Http.Headers;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// Seed 000's list-accounts (<c>POST /api/bank-accounts/</c>) through the gateway under concurrency: a user with a few
/// accounts, many clients listing them at once; throughput and latency percentiles.
/// </summary>
public static class BankAccountListBenchmark
{
    private const string Path = "/api/bank-accounts/";
    private const int AccountsPerUser = 5;

    public static async Task<BenchFigures> RunAsync(int requests, int warmup, int concurrency)
    {
        await using var platform = await BenchPlatform.StartAsync(settlementReplicas: 1,
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["gateway"] = BenchPlatform.UnlimitedGateway });
        var token = new AuthenticationHeaderValue("Bearer", platform.Issuer.Issue(new AuthTokenRequest("424242", [PayoutsRoles.User])));
        using var gateway = platform.CreateHttpClient("gateway");
        gateway.Timeout = TimeSpan.FromSeconds(30);

        for (var i = 0; i < AccountsPerUser; i++)
        {
            using var add = new HttpRequestMessage(HttpMethod.Post, "/api/update/bank-account/")
            {
                Content = new FormUrlEncodedContent([
                    new("bank_name", "Bench Bank"), new("account_number", $"9000000{i:D3}"), new("routing_number", "021000021"),
                    new("account_type", "checking"), new("account_holder_name", "Bench User")]),
            };
            add.Headers.Authorization = token;
            using var added = await gateway.SendAsync(add);
            added.EnsureSuccessStatusCode();
        }

        Console.WriteLine($"  request: POST {Path} through the gateway, user with {AccountsPerUser} accounts, concurrency {concurrency}");
        await MeasureAsync(gateway, token, warmup, concurrency);
        var (samples, elapsed, failures) = await MeasureAsync(gateway, token, requests, concurrency);
        var stats = LatencyStats.From(samples);
        Console.WriteLine($"  throughput: {samples.Count / elapsed.TotalSeconds:0} req/s ({samples.Count} requests in {elapsed.TotalSeconds:0.00} s, {failures} non-200)");
        Console.WriteLine($"  latency   : {stats}");
        return new BenchFigures("bank-accounts", "request", samples.Count, elapsed.TotalSeconds, samples.Count / elapsed.TotalSeconds,
            new Dictionary<string, LatencyStats> { ["request"] = stats }, Details: new Dictionary<string, object> { ["non200"] = failures });
    }

    private static async Task<(List<TimeSpan> Samples, TimeSpan Elapsed, int Failures)> MeasureAsync(
        HttpClient gateway, AuthenticationHeaderValue token, int count, int concurrency)
    {
        var samples = new List<TimeSpan>(count);
        var remaining = count;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var requestStarted = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent([]) };
                request.Headers.Authorization = token;
                using var response = await gateway.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(requestStarted);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                lock (samples) samples.Add(elapsed);
            }
        }));
        return (samples, Stopwatch.GetElapsedTime(started), failures);
    }
}
