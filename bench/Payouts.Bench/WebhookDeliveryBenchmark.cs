using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// Webhooks end to end, through the real AppHost with local receivers it allowlists (<c>--webhook-allowed-private-targets</c>).
/// Each paying user registers one endpoint for <c>payout.completed</c> on every receiver; payouts are paid by the
/// sandbox provider (latency 0) through settlement. Two parts on one platform:
/// (a) latency: from each payout's <c>completed_at</c> in payoutsdb (the saga applied its settlement) to its webhook's
/// arrival at a receiver — PayoutCompleted through the outbox and the broker, the inbox, the delivery row, the
/// dispatcher's next round, the HTTP call;
/// (b) backlog drain: receivers answer 503 while the second half of the payouts completes, so every delivery is pending
/// (retried each second, never giving up); then they answer 200, and the rate is the backlog over the time from that
/// switch to the last delivery's arrival. It measures the dispatcher's drain of due deliveries, not the events' path.
/// </summary>
public static class WebhookDeliveryBenchmark
{
    private const int ProcessConcurrency = 32;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public sealed record Result(int Receivers, int Endpoints, int Deliveries, LatencyStats Arrival, int Duplicates, double ArrivalSpanSeconds,
        int Backlog, double DrainSeconds, int RefusedAttempts)
    {
        public double DrainPerSecond => Backlog / DrainSeconds;
    }

    public static async Task<Result> RunAsync(WebhookBenchSettings settings)
    {
        var receivers = new List<BenchWebhookReceiver>();
        try
        {
            for (var i = 0; i < settings.Receivers; i++) receivers.Add(await BenchWebhookReceiver.StartAsync());
            return await RunAsync(settings, receivers);
        }
        finally
        {
            foreach (var receiver in receivers) await receiver.DisposeAsync();
        }
    }

    private static async Task<Result> RunAsync(WebhookBenchSettings settings, List<BenchWebhookReceiver> receivers)
    {
        await using var platform = await BenchPlatform.StartAsync(1, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gateway"] = BenchPlatform.UnlimitedGateway,
            // The process call answers 202 at once; completion is read from the database, not from the call.
            ["payouts"] = new Dictionary<string, string> { ["Payouts__Processing__SettlementWait"] = "00:00:00" },
            ["provider-sandbox"] = new Dictionary<string, string> { ["Sandbox__Latency"] = "00:00:00" },
            // Part (b): a refused delivery is retried a second later, and an endpoint is never disabled for it.
            ["notifications"] = new Dictionary<string, string>
            {
                ["Notifications__Webhooks__BackoffBase"] = "00:00:01",
                ["Notifications__Webhooks__BackoffCap"] = "00:00:01",
                ["Notifications__Webhooks__FailureThreshold"] = "1000000",
            },
        }, ["--webhook-allowed-private-targets", string.Join(',', receivers.Select(r => r.Authority))]);
        using var gateway = platform.CreateHttpClient("gateway");
        gateway.Timeout = TimeSpan.FromSeconds(120);
        var admin = BenchSetup.Bearer(platform.Issuer, "1", PayoutsRoles.Admin);

        var ids = await SettlementPayouts.CreateAsync(gateway, admin, platform.Issuer, settings.Payouts * 2);
        var users = SettlementPayouts.UserIds(settings.Payouts * 2);
        foreach (var user in users)
        {
            var token = BenchSetup.Bearer(platform.Issuer, user.ToString(CultureInfo.InvariantCulture), PayoutsRoles.User);
            foreach (var receiver in receivers)
                await BenchSetup.SendOkAsync(gateway, token, "/api/v1/webhooks/", new { url = receiver.Url, events = new[] { "payout.completed" } });
        }
        var payoutsDb = await platform.GetConnectionStringAsync("payoutsdb");
        var notificationsDb = await platform.GetConnectionStringAsync("notificationsdb");

        // (a) Completion → arrival.
        var first = ids[..settings.Payouts];
        var completed = await ProcessAsync(gateway, admin, payoutsDb, first);
        var expected = completed.Count * receivers.Count;
        await WaitAsync(() => Accepted(receivers, completed.Keys).Count >= expected, $"{expected} webhooks of part (a)");
        var arrivals = Accepted(receivers, completed.Keys);
        var latency = LatencyStats.From([.. arrivals.Select(a => a.At - completed[a.PayoutId])]);
        // Receivers de-duplicate by event id; each receiver should have needed to for none.
        var duplicates = receivers.Sum(r => Accepted([r], completed.Keys) is var mine ? mine.Count - mine.Select(a => a.EventId).Distinct().Count() : 0);
        var span = (arrivals.Max(a => a.At) - completed.Values.Min()).TotalSeconds;
        Console.WriteLine($"  (a) {arrivals.Count} webhooks, payout completed → arrival: {latency}");

        // (b) A backlog drained.
        foreach (var receiver in receivers) receiver.Refusing = true;
        var second = ids[settings.Payouts..];
        var completedSecond = await ProcessAsync(gateway, admin, payoutsDb, second);
        var backlog = completedSecond.Count * receivers.Count;
        await WaitAsync(async () => await PendingAsync(notificationsDb) >= backlog, $"{backlog} pending deliveries");
        var opened = DateTimeOffset.UtcNow;
        foreach (var receiver in receivers) receiver.Refusing = false;
        await WaitAsync(() => Accepted(receivers, completedSecond.Keys).Count >= backlog, $"the backlog of {backlog} delivered");
        var drained = Accepted(receivers, completedSecond.Keys);
        var drainSeconds = (drained.Max(a => a.At) - opened).TotalSeconds;
        var refused = receivers.Sum(r => r.Arrivals.Count(a => a.Status != 200));
        Console.WriteLine($"  (b) a backlog of {backlog} deliveries drained in {drainSeconds:0.0} s → {backlog / drainSeconds:0.0} deliveries/s ({refused} attempts refused while it built up)");

        return new Result(receivers.Count, users.Length * receivers.Count, arrivals.Count, latency, duplicates, span, backlog, drainSeconds, refused);
    }

    /// <summary>Processes the payouts through the gateway (settlement pays them) and returns each completed one's <c>completed_at</c>.</summary>
    private static async Task<Dictionary<Guid, DateTimeOffset>> ProcessAsync(HttpClient gateway, System.Net.Http.Headers.AuthenticationHeaderValue admin,
        string payoutsDb, Guid[] ids)
    {
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ProcessConcurrency }, async (id, _) =>
            await BenchSetup.SendOkAsync(gateway, admin, $"/api/admin/payouts/{id}/process", new { notes = "bench" }));
        var rows = await SettlementPayouts.WaitForOutcomesAsync(payoutsDb, ids, Patience);
        var completed = rows.Where(r => r.Status == "completed").ToDictionary(r => r.Uuid, r => r.CompletedAt!.Value);
        if (completed.Count == 0) throw new InvalidOperationException($"No payout completed ({rows.Count} failed).");
        return completed;
    }

    /// <summary>Each receiver's accepted deliveries of these payouts (one per endpoint and event unless one was sent twice).</summary>
    private static List<BenchWebhookReceiver.Arrival> Accepted(List<BenchWebhookReceiver> receivers, IEnumerable<Guid> payouts)
    {
        var wanted = payouts.ToHashSet();
        return [.. receivers.SelectMany(r => r.Arrivals).Where(a => a.Status == 200 && wanted.Contains(a.PayoutId))];
    }

    private static async Task<long> PendingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"Waited {Patience.TotalMinutes:0} min for {what}.");
            await Task.Delay(100);
        }
    }
}
