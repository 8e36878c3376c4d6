using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// The end-to-end path at a fixed arrival rate (open loop): payouts to beneficiary details are requested before the
/// timed part, as in the settlement mode; then the admin process call of payout <c>i</c> is sent at
/// <c>t0 + i / rate</c> whether or not earlier calls have returned, so a platform that falls behind shows it as
/// latency from the scheduled time instead of slowing the clients down (which a closed loop would hide). Each payout
/// then goes saga → settle-payout queue → a settlement worker → the provider sandbox → saga → completed.
/// </summary>
public static class OpenLoopPipelineBenchmark
{
    // A bound on calls in flight, far above what a healthy run reaches: a call due while this many are out is not sent.
    private const int MaxOutstanding = 2000;
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A process call: when it was due (wall clock), its answer's status (0: none) and how long after it was due the answer came.</summary>
    private sealed record Call(Guid Id, DateTimeOffset Due, int Status, TimeSpan AnsweredAfterDue)
    {
        public bool Accepted => Status is >= 200 and < 300;
    }

    public static async Task<BenchFigures> RunAsync(PipelineBenchSettings settings)
    {
        await using var platform = await BenchPlatform.StartAsync(settings.SettlementReplicas, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gateway"] = BenchPlatform.UnlimitedGateway,
            // The process call answers 202 at once; completion is read from the database, not from the call.
            ["payouts"] = new Dictionary<string, string> { ["Payouts__Processing__SettlementWait"] = "00:00:00" },
            ["provider-sandbox"] = new Dictionary<string, string> { ["Sandbox__Latency"] = settings.ProviderLatency.ToString("c", CultureInfo.InvariantCulture) },
        });
        using var gateway = platform.CreateHttpClient("gateway");
        gateway.Timeout = TimeSpan.FromSeconds(120);
        var admin = BenchSetup.Bearer(platform.Issuer, "1", PayoutsRoles.Admin);

        var ids = await SettlementPayouts.CreateAsync(gateway, admin, platform.Issuer, settings.Payouts);
        Console.WriteLine($"  {ids.Length} payouts requested to beneficiary details (untimed); now a process call every {1000 / settings.Rate:0.#} ms for {settings.Duration.TotalSeconds:0} s");

        var meter = await CostMeter.StartAsync(platform);
        var (calls, notSent, start) = await SendOpenLoopAsync(gateway, admin, ids, settings.Rate);
        var accepted = calls.Where(c => c.Accepted).ToDictionary(c => c.Id);
        var rows = accepted.Count == 0
            ? []
            : await SettlementPayouts.WaitForOutcomesAsync(await platform.GetConnectionStringAsync("payoutsdb"), [.. accepted.Keys], CompletionTimeout);
        var completed = rows.Where(r => r.Status == "completed").ToList();
        var costs = await meter.StopAsync(completed.Count);

        var seconds = completed.Count == 0 ? 0 : (completed.Max(r => r.CompletedAt!.Value) - start).TotalSeconds;
        var toCompleted = LatencyStats.From([.. completed.Select(r => r.CompletedAt!.Value - accepted[r.Uuid].Due)]);
        var toAnswer = LatencyStats.From([.. calls.Where(c => c.Status != 0).Select(c => c.AnsweredAfterDue)]);
        var answers = calls.GroupBy(c => c.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count());
        var shed = calls.Count(c => c.Status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable);

        Console.WriteLine($"  offered {settings.Rate:0.#}/s: {ids.Length} calls due, {calls.Count} sent, {notSent} not sent (at most {MaxOutstanding} outstanding); " +
            $"answers {string.Join(", ", answers.Select(a => $"{a.Key} ×{a.Value}"))} ({shed} shed: 429/503)");
        Console.WriteLine($"  {completed.Count} completed, {rows.Count - completed.Count} failed → achieved {completed.Count / Math.Max(seconds, double.Epsilon):0.0} completions/s " +
            $"(first call due → last completion {seconds:0.0} s)");
        Console.WriteLine($"  due → completed      : {toCompleted}");
        Console.WriteLine($"  due → process answer : {toAnswer}");
        Console.WriteLine(costs);

        return new BenchFigures("pipeline", "payout", completed.Count, seconds, seconds > 0 ? completed.Count / seconds : 0,
            new Dictionary<string, LatencyStats> { ["due → completed"] = toCompleted, ["due → process answered"] = toAnswer },
            costs,
            new Dictionary<string, object>
            {
                ["offeredPerSecond"] = settings.Rate,
                ["callsDue"] = ids.Length,
                ["sent"] = calls.Count,
                ["notSent"] = notSent,
                ["answers"] = answers,
                ["shed"] = shed,
                ["failed"] = rows.Count - completed.Count,
            });
    }

    /// <summary>Sends payout <c>i</c>'s process call when it is due, <c>i / rate</c> seconds after the start, unless too many are out.</summary>
    private static async Task<(List<Call> Calls, int NotSent, DateTimeOffset Start)> SendOpenLoopAsync(
        HttpClient gateway, AuthenticationHeaderValue admin, Guid[] ids, double rate)
    {
        var pending = new List<Task<Call>>(ids.Length);
        var outstanding = 0;
        var notSent = 0;
        var start = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < ids.Length; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            if (Volatile.Read(ref outstanding) >= MaxOutstanding)
            {
                notSent++;
                continue;
            }
            Interlocked.Increment(ref outstanding);
            var id = ids[i];
            // On the thread pool: the loop goes on to the next due time while this call is sent.
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    return await ProcessAsync(gateway, admin, id, start + due, () => Stopwatch.GetElapsedTime(started) - due);
                }
                finally
                {
                    Interlocked.Decrement(ref outstanding);
                }
            }));
        }
        return ([.. await Task.WhenAll(pending)], notSent, start);
    }

    private static async Task<Call> ProcessAsync(HttpClient gateway, AuthenticationHeaderValue admin, Guid id, DateTimeOffset due, Func<TimeSpan> sinceDue)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/payouts/{id}/process") { Content = JsonContent.Create(new { notes = "bench" }) };
        request.Headers.Authorization = admin;
        try
        {
            using var response = await gateway.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return new Call(id, due, (int)response.StatusCode, sinceDue());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer within the client's timeout, or the connection failed: counted as "no answer".
            return new Call(id, due, 0, sinceDue());
        }
    }
}
