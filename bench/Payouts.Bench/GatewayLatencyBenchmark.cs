using System.Diagnostics;
using System.Net.Http.Headers;
using Payouts.AppHost.Platform;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// The gateway's added latency: the same request, with the same token, sent straight to the payouts service and
/// through the gateway, one at a time (or a few at a time) after a warm-up.
/// </summary>
public static class GatewayLatencyBenchmark
{
    private const string Path = "/api/get/payouts/";

    public static async Task RunAsync(int requests, int warmup, int concurrency)
    {
        var dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "payouts-bench", Guid.NewGuid().ToString("N")[..12]);
        var options = new PlatformOptions { DataDirectory = dataDirectory, Ephemeral = true, GatewayPort = 0, SettlementReplicas = 2 };
        // A limit the benchmark never reaches: it measures proxying, not rate limiting.
        options.ExtraEnvironment["gateway"] = new() { ["Gateway__RateLimit__PermitLimit"] = "100000000", ["Gateway__RateLimit__WindowSeconds"] = "60" };

        await using var platform = await PayoutsPlatform.StartAsync(options);
        try
        {
            var token = new AuthenticationHeaderValue("Bearer",
                new LocalTokenIssuer(new AuthSettings(platform.SigningKey)).Issue(new AuthTokenRequest("900001", [PayoutsRoles.User])));
            using var direct = platform.CreateHttpClient("payouts");
            using var gateway = platform.CreateHttpClient("gateway");

            var (statusDirect, statusGateway) = (await ProbeAsync(direct, token), await ProbeAsync(gateway, token));
            Console.WriteLine($"  request: POST {Path} (user token); answered {statusDirect} direct, {statusGateway} through the gateway");

            // Interleaved warm-up of both paths (JIT, connection pools, YARP's destination state).
            await MeasureAsync(direct, token, warmup, concurrency);
            await MeasureAsync(gateway, token, warmup, concurrency);

            var directStats = LatencyStats.From(await MeasureAsync(direct, token, requests, concurrency));
            var gatewayStats = LatencyStats.From(await MeasureAsync(gateway, token, requests, concurrency));

            Console.WriteLine($"  direct to payouts : {directStats}");
            Console.WriteLine($"  through gateway   : {gatewayStats}");
            Console.WriteLine($"  ratio gateway/direct: p50 {gatewayStats.P50Ms / directStats.P50Ms:0.00}×, p99 {gatewayStats.P99Ms / directStats.P99Ms:0.00}×; " +
                              $"added p50 {gatewayStats.P50Ms - directStats.P50Ms:0.000} ms, p99 {gatewayStats.P99Ms - directStats.P99Ms:0.000} ms");
        }
        finally
        {
            await platform.StopAsync();
            try { Directory.Delete(dataDirectory, recursive: true); }
            catch (IOException) { }
        }
    }

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
