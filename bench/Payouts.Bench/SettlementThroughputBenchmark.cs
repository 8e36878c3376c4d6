using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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
    private const int PayoutsPerUser = 20;
    private const int SetupConcurrency = 8;
    private const int ProcessConcurrency = 32;

    /// <summary>
    /// Where a payout's time goes (medians): <c>ToWorker</c> from the process commit to settlement claiming the transfer
    /// (saga, settle-payout queue, destination lookup); <c>AtProvider</c> the provider call; <c>Back</c> from the provider's
    /// answer to the payout completed (outcome commit, outbox, PayoutSettled, saga).
    /// </summary>
    public sealed record Stages(double ToWorkerMs, double AtProviderMs, double BackMs);

    public sealed record Result(int Replicas, int Payouts, int Completed, int Failed, double Seconds, LatencyStats Latency, Stages Stages, string Backlog)
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

        var ids = await CreatePayoutsAsync(gateway, admin, issuer, payouts);
        var payoutsDb = await platform.GetConnectionStringAsync("payoutsdb");
        var settlementDb = await platform.GetConnectionStringAsync("settlementdb");
        var sampler = PipelineSampler.Start(payoutsDb, settlementDb, await platform.GetConnectionStringAsync("messaging"));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ProcessConcurrency }, async (id, _) =>
            await BenchSetup.SendOkAsync(gateway, admin, $"/api/admin/payouts/{id}/process", new { notes = "bench" }));

        var rows = await WaitForOutcomesAsync(payoutsDb, ids, TimeSpan.FromMinutes(10));
        await sampler.DisposeAsync();
        var completed = rows.Where(r => r.Status == "completed").ToList();
        if (completed.Count == 0) throw new InvalidOperationException($"No payout completed ({rows.Count} failed).");
        var stages = await StagesAsync(settlementDb, completed);
        var start = rows.Min(r => r.ProcessedAt);
        var end = completed.Count == 0 ? start : completed.Max(r => r.CompletedAt!.Value);
        return new Result(replicas, rows.Count, completed.Count, rows.Count - completed.Count, (end - start).TotalSeconds,
            LatencyStats.From([.. completed.Select(r => r.CompletedAt!.Value - r.ProcessedAt)]), stages, sampler.ToString());
    }

    /// <summary>Users funded by an admin credit, each with one beneficiary's bank details (payable at once), and seed 002 simple payouts to them.</summary>
    private static async Task<Guid[]> CreatePayoutsAsync(HttpClient gateway, AuthenticationHeaderValue admin, LocalTokenIssuer issuer, int payouts)
    {
        var users = (payouts + PayoutsPerUser - 1) / PayoutsPerUser;
        var payees = new (AuthenticationHeaderValue Token, long BeneficiaryId, long DetailsId)[users];
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (index, _) =>
        {
            var id = 3_000_001L + index;
            var token = BenchSetup.Bearer(issuer, id.ToString(CultureInfo.InvariantCulture), PayoutsRoles.User);
            await BenchSetup.SendOkAsync(gateway, admin, "/api/admin/users", new { id, email = $"settle{id}@example.com", minimumPayout = "10" });
            await BenchSetup.SendOkAsync(gateway, admin, $"/api/admin/users/{id}/credits", new { amount = "10000", currency = "USD", reference = $"BENCH-{id}" });
            var beneficiary = await BenchSetup.SendOkAsync(gateway, token, "/beneficiaries",
                new { recipient_type = "individual", customer_name = $"Bench Payee {index}", customer_email = $"payee{id}@example.com", country = "US" });
            var beneficiaryId = beneficiary.GetProperty("data").GetProperty("id").GetInt64();
            var details = await BenchSetup.SendOkAsync(gateway, token, $"/beneficiaries/{beneficiaryId}/details",
                new { bank_name = "Chase", account_number = $"5{id:D9}7", routing_number = "021000021", country = "US", currency = "USD" });
            payees[index] = (token, beneficiaryId, details.GetProperty("data").GetProperty("beneficiary_details_id").GetInt64());
        });

        var ids = new Guid[payouts];
        await Parallel.ForEachAsync(Enumerable.Range(0, payouts), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (n, _) =>
        {
            var payee = payees[n / PayoutsPerUser];
            var body = new { beneficiary_id = payee.BeneficiaryId, beneficiary_details_id = payee.DetailsId, amount = "100" };
            // PayoutService learns of the details from an event: until it has, the details are not found.
            for (var attempt = 0; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/payout/simple") { Content = JsonContent.Create(body) };
                request.Headers.Authorization = payee.Token;
                using var response = await gateway.SendAsync(request);
                var raw = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    ids[n] = Guid.Parse(JsonDocument.Parse(raw).RootElement.GetProperty("data").GetProperty("payout_id").GetString()!);
                    return;
                }
                if (response.StatusCode != System.Net.HttpStatusCode.NotFound || attempt >= 300)
                    throw new InvalidOperationException($"Setting up the benchmark failed: POST /payout/simple → {(int)response.StatusCode} {raw}");
                await Task.Delay(200);
            }
        });
        return ids;
    }

    private sealed record PayoutTimes(Guid Uuid, string Status, DateTimeOffset ProcessedAt, DateTimeOffset? CompletedAt);

    /// <summary>Settlement's own timestamps of each completed payout's transfer: claimed (<c>created_at</c>) and answered (<c>completed_at</c>).</summary>
    private static async Task<Stages> StagesAsync(string connectionString, List<PayoutTimes> completed)
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

    private static async Task<List<PayoutTimes>> WaitForOutcomesAsync(string connectionString, Guid[] ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT uuid, status, processed_at, completed_at FROM payouts WHERE uuid = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids);
            var rows = new List<PayoutTimes>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    rows.Add(new PayoutTimes(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
            }
            if (rows.All(r => r.Status is "completed" or "failed")) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{rows.Count(r => r.Status is not ("completed" or "failed"))} payouts were still open after {timeout.TotalMinutes:0} min.");
            await Task.Delay(250);
        }
    }


}
