using System.Diagnostics;
using System.Net.Http.Headers;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// The gateway's added latency: the same request, with the same token, sent to the payouts service and through the
/// gateway, one at a time (or a few at a time) after a warm-up. Under Aspire the payouts service's <c>http</c> endpoint
/// is DCP's proxy, and the gateway reaches the service through that proxy too; so the request goes three ways: to the
/// service's own port (no proxy), to its Aspire endpoint (DCP's proxy), and through the gateway (gateway → DCP's proxy
/// → service; the gateway's own endpoint is not proxied).
/// </summary>
public static class GatewayLatencyBenchmark
{
    private const string Path = "/api/get/payouts/";

    public sealed record Result(LatencyStats? Own, LatencyStats Proxied, LatencyStats Gateway);

    public static async Task<Result> RunAsync(int requests, int warmup, int concurrency)
    {
        await using var platform = await BenchPlatform.StartAsync(settlementReplicas: 2,
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["gateway"] = BenchPlatform.UnlimitedGateway });
        Console.WriteLine("  platform start (Aspire.Hosting.Testing, in process), where its time went:");
        Console.WriteLine(platform.Timeline);

        var token = new AuthenticationHeaderValue("Bearer", platform.Issuer.Issue(new AuthTokenRequest("900001", [PayoutsRoles.User])));
        var ownAddress = platform.GetOwnEndpoint("payouts");
        var own = ownAddress is null ? null : platform.CreateHttpClient(ownAddress);
        using var proxied = platform.CreateHttpClient("payouts");
        using var gateway = platform.CreateHttpClient("gateway");

        string ownStatus;
        try
        {
            ownStatus = own is null ? "– (not found)" : (await ProbeAsync(own, token)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            ownStatus = $"– ({e.Message})";
            own!.Dispose();
            own = null;
        }
        using var ownClient = own;
        Console.WriteLine($"  request: POST {Path} (user token); answered {ownStatus} at the service's own port ({ownAddress?.ToString() ?? "not found"}), " +
                          $"{await ProbeAsync(proxied, token)} through DCP's proxy ({proxied.BaseAddress}), {await ProbeAsync(gateway, token)} through the gateway ({gateway.BaseAddress})");

        // Interleaved warm-up of every path (JIT, connection pools, YARP's destination state).
        if (own is not null) await MeasureAsync(own, token, warmup, concurrency);
        await MeasureAsync(proxied, token, warmup, concurrency);
        await MeasureAsync(gateway, token, warmup, concurrency);

        var ownStats = own is null ? null : LatencyStats.From(await MeasureAsync(own, token, requests, concurrency));
        var proxiedStats = LatencyStats.From(await MeasureAsync(proxied, token, requests, concurrency));
        var gatewayStats = LatencyStats.From(await MeasureAsync(gateway, token, requests, concurrency));

        if (ownStats is not null) Console.WriteLine($"  payouts, own port     : {ownStats}");
        Console.WriteLine($"  payouts, DCP's proxy  : {proxiedStats}");
        Console.WriteLine($"  through the gateway   : {gatewayStats}");
        if (ownStats is not null) Console.WriteLine($"  {Ratio("gateway / own port   ", gatewayStats, ownStats)}");
        Console.WriteLine($"  {Ratio("gateway / DCP's proxy", gatewayStats, proxiedStats)}");
        if (ownStats is not null) Console.WriteLine($"  {Ratio("DCP's proxy / own port", proxiedStats, ownStats)}");
        return new Result(ownStats, proxiedStats, gatewayStats);
    }

    public static string Ratio(string label, LatencyStats slower, LatencyStats faster) =>
        $"{label}: p50 {slower.P50Ms / faster.P50Ms:0.00}×, p99 {slower.P99Ms / faster.P99Ms:0.00}×; " +
        $"added p50 {slower.P50Ms - faster.P50Ms:0.000} ms, p99 {slower.P99Ms - faster.P99Ms:0.000} ms";

    private static async Task<int> ProbeAsync(HttpClient client, AuthenticationHeaderValue token)
    {
        using var response = await SendAsync(client, token);
        return (int)response.StatusCode;
    }

    private static async Task<List<TimeSpan>> MeasureAsync(HttpClient client, AuthenticationHeaderValue token, int count, int concurrency)
    {
        var samples = new List<TimeSpan>(count);
        var remaining = count;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await SendAsync(client, token);
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started);
                lock (samples) samples.Add(elapsed);
            }
        }));
        return samples;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AuthenticationHeaderValue token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = token;
        return client.SendAsync(request);
    }
}
