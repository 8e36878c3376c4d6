using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// End-to-end settlement: payouts to beneficiary details, all processed at once through the gateway without a
/// reference, each then going saga → settle-payout queue → a settlement worker (destination lookup, provider call,
/// outcome event) → saga → completed. One platform per settlement replica count. Times come from payoutsdb: a payout's
/// <c>processed_at</c> (the process call committed) to its <c>completed_at</c> (the saga applied PayoutSettled).
/// The provider sandbox answers every transfer after a fixed latency, as a bank's API would, so the workers' waiting,
/// not only this machine's CPU, is what more replicas share out.
/// </summary>
public static class SettlementThroughputBenchmark
{
        private const int ProcessConcurrency = 32;

    /// <summary>
    /// Where a payout's time goes (medians): <c>ToWorker</c> from the process commit to settlement claiming the transfer
    /// (saga, settle-payout queue, destination lookup); <c>AtProvider</c> the provider call; <c>Back</c> from the provider's
    /// answer to the payout completed (outcome commit, outbox, PayoutSettled, saga).
    /// </summary>
    public sealed record Stages(double ToWorkerMs, double AtProviderMs, double BackMs);

    public sealed record Result(int Replicas, int Payouts, int Completed, int Failed, double Seconds, LatencyStats Latency, Stages Stages, string Backlog,
        PerPayoutCosts Costs)
    {
        public double PerSecond => Completed / Seconds;
    }

    public static async Task<IReadOnlyList<Result>> RunAsync(IReadOnlyList<int> replicaCounts, int payouts, TimeSpan providerLatency)
    {
        var results = new List<Result>();
        foreach (var replicas in replicaCounts)
        {
            var result = await RunOnceAsync(replicas, payouts, providerLatency);
            Console.WriteLine($"  settlement ×{replicas}: {result.Completed} completed, {result.Failed} failed in {result.Seconds:0.0} s → {result.PerSecond:0.0} payouts/s; {result.Latency}");
            Console.WriteLine($"    medians: process → worker claims {result.Stages.ToWorkerMs:0} ms, provider call {result.Stages.AtProviderMs:0} ms, answer → completed {result.Stages.BackMs:0} ms");
            Console.WriteLine($"    {result.Backlog}");
            Console.WriteLine(result.Costs);
            results.Add(result);
        }
        return results;
    }

    private static async Task<Result> RunOnceAsync(int replicas, int payouts, TimeSpan providerLatency)
    {
        await using var platform = await BenchPlatform.StartAsync(replicas, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gateway"] = BenchPlatform.UnlimitedGateway,
            // The process call answers 202 at once; completion is read from the database, not from the call.
            ["payouts"] = new Dictionary<string, string> { ["Payouts__Processing__SettlementWait"] = "00:00:00" },
            ["provider-sandbox"] = new Dictionary<string, string> { ["Sandbox__Latency"] = providerLatency.ToString("c", CultureInfo.InvariantCulture) },
        });
        var issuer = platform.Issuer;
        using var gateway = platform.CreateHttpClient("gateway");
        gateway.Timeout = TimeSpan.FromSeconds(120);
        var admin = BenchSetup.Bearer(issuer, "1", PayoutsRoles.Admin);

        var ids = await SettlementPayouts.CreateAsync(gateway, admin, issuer, payouts);
        var payoutsDb = await platform.GetConnectionStringAsync("payoutsdb");
        var settlementDb = await platform.GetConnectionStringAsync("settlementdb");
        var meter = await CostMeter.StartAsync(platform);
        var sampler = PipelineSampler.Start(payoutsDb, settlementDb, await platform.GetConnectionStringAsync("messaging"));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ProcessConcurrency }, async (id, _) =>
            await BenchSetup.SendOkAsync(gateway, admin, $"/api/admin/payouts/{id}/process", new { notes = "bench" }));

        var rows = await SettlementPayouts.WaitForOutcomesAsync(payoutsDb, ids, TimeSpan.FromMinutes(10));
        await sampler.DisposeAsync();
        var completed = rows.Where(r => r.Status == "completed").ToList();
        var costs = await meter.StopAsync(completed.Count);
        if (completed.Count == 0) throw new InvalidOperationException($"No payout completed ({rows.Count} failed).");
        var stages = await StagesAsync(settlementDb, completed);
        var start = rows.Min(r => r.ProcessedAt);
        var end = completed.Count == 0 ? start : completed.Max(r => r.CompletedAt!.Value);
        return new Result(replicas, rows.Count, completed.Count, rows.Count - completed.Count, (end - start).TotalSeconds,
            LatencyStats.From([.. completed.Select(r => r.CompletedAt!.Value - r.ProcessedAt)]), stages, sampler.ToString(), costs);
    }

    /// <summary>Settlement's own timestamps of each completed payout's transfer: claimed (<c>created_at</c>) and answered (<c>completed_at</c>).</summary>
    private static async Task<Stages> StagesAsync(string connectionString, List<SettlementPayouts.PayoutTimes> completed)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payout_id, created_at, completed_at FROM transfers WHERE payout_id = ANY(@ids) AND completed_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("ids", completed.Select(p => p.Uuid).ToArray());
        var transfers = new Dictionary<Guid, (DateTimeOffset Claimed, DateTimeOffset Answered)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                transfers[reader.GetGuid(0)] = (reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
        var paired = completed.Where(p => transfers.ContainsKey(p.Uuid)).Select(p => (Payout: p, Transfer: transfers[p.Uuid])).ToList();
        return new Stages(
            LatencyStats.From([.. paired.Select(x => x.Transfer.Claimed - x.Payout.ProcessedAt)]).P50Ms,
            LatencyStats.From([.. paired.Select(x => x.Transfer.Answered - x.Transfer.Claimed)]).P50Ms,
            LatencyStats.From([.. paired.Select(x => x.Payout.CompletedAt!.Value - x.Transfer.Answered)]).P50Ms);
    }
}
