using System.Diagnostics;
using System.Net.Http.Headers;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// The gateway's added latency: the same request, with the same token, sent to the payouts service and through the
/// gateway, one at a time (or a few at a time) after a warm-up, the paths taking turns. Under Aspire the payouts service's <c>http</c> endpoint
/// is DCP's proxy, and the gateway reaches the service through that proxy too; so the request goes three ways: to the
/// service's own port (no proxy), to its Aspire endpoint (DCP's proxy), and through the gateway (gateway → DCP's proxy
/// → service; the gateway's own endpoint is not proxied).
/// </summary>
public static class GatewayLatencyBenchmark
{
    private const string Path = "/api/get/payouts/";

    public sealed record Result(LatencyStats? Own, LatencyStats Proxied, LatencyStats Gateway);

    public static async Task<Result> RunAsync(int requests, int warmup, int concurrency, int settlementReplicas)
    {
        await using var platform = await BenchPlatform.StartAsync(settlementReplicas,
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

        // The paths take turns request by request (each round in a rotated order), so the load of a shared machine
        // weighs on all of them alike; a warm-up first (JIT, connection pools, YARP's destination state).
        HttpClient[] paths = ownClient is null ? [proxied, gateway] : [ownClient, proxied, gateway];
        await MeasureInterleavedAsync(paths, token, warmup, concurrency);
        var samples = await MeasureInterleavedAsync(paths, token, requests, concurrency);
        var ownStats = ownClient is null ? null : LatencyStats.From(samples[0]);
        var proxiedStats = LatencyStats.From(samples[^2]);
        var gatewayStats = LatencyStats.From(samples[^1]);

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

    /// <summary><paramref name="count"/> requests per path; every worker sends one request on each path per round.</summary>
    private static async Task<List<TimeSpan>[]> MeasureInterleavedAsync(HttpClient[] paths, AuthenticationHeaderValue token, int count, int concurrency)
    {
        var samples = paths.Select(_ => new List<TimeSpan>(count)).ToArray();
        var remaining = count;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int round;
            while ((round = Interlocked.Decrement(ref remaining)) >= 0)
            {
                for (var k = 0; k < paths.Length; k++)
                {
                    var path = (round + k) % paths.Length;
                    var started = Stopwatch.GetTimestamp();
                    using var response = await SendAsync(paths[path], token);
                    await response.Content.ReadAsByteArrayAsync();
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    lock (samples) samples[path].Add(elapsed);
                }
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
