using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.Bench;

/// <summary>
/// Seed 001 batches from the approval call to <c>completed</c>, through the gateway (as
/// <c>tests/Payouts.SystemTests/BatchesThroughGatewayTests</c> drives one): each batch belongs to its own company, whose
/// wallet billing funds (admin invoice, member's manual payment, admin approval), and whose member enrolls TOTP, creates
/// the batch (one payee in ten a platform user an admin created, credited in the ledger; the rest outside emails paid
/// through settlement and the provider sandbox) and marks it ready, all before the timed part. A small warm-up batch
/// is approved and completed first, untimed; then every batch is approved at once with a current code and its status
/// polled until it ends. One platform per provider latency.
/// </summary>
public static class BatchCompletionBenchmark
{
    private const int SetupConcurrency = 8;
    private const int PayeesPerPlatformUser = 10;
    private const string Currency = "USD";
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>Observed</c>: each batch from its approve call to the poll that saw it end; <c>Recorded</c>: the batch's own
    /// <c>approved_at</c> → <c>completed_at</c>. The wall times run from the first approval to the last completion.
    /// </summary>
    public sealed record Result(TimeSpan ProviderLatency, int Batches, int Recipients, int Paid, int Failed, int NotCompleted,
        LatencyStats Observed, LatencyStats Recorded, double WallSeconds, double RecordedWallSeconds, string Cpu,
        IReadOnlyDictionary<string, double> CpuSeconds)
    {
        public double PaidPerSecond => Paid / WallSeconds;
    }

    private sealed record PreparedBatch(Guid Id, AuthenticationHeaderValue Member, TotpAuthenticator Authenticator, long ConfirmedStep, int Payees);

    private sealed record Payee(string Email, decimal Amount);

    public static async Task<IReadOnlyList<Result>> RunAsync(BatchBenchSettings settings)
    {
        var results = new List<Result>();
        foreach (var latency in settings.ProviderLatencies)
        {
            Console.WriteLine();
            Console.WriteLine($"  provider latency {latency.TotalMilliseconds:0} ms, settlement ×{settings.SettlementReplicas}:");
            var result = await RunOnceAsync(settings, latency);
            Console.WriteLine($"    approve → completed per batch (s): observed {Seconds(result.Observed)}; the batch's approved_at → completed_at {Seconds(result.Recorded)}");
            Console.WriteLine($"    {result.Paid} recipients paid, {result.Failed} failed, {result.NotCompleted} batches not completed; first approve → last completion " +
                $"{result.WallSeconds:0.00} s → {result.PaidPerSecond:0.0} recipients/s (recorded {result.RecordedWallSeconds:0.00} s → {result.Paid / result.RecordedWallSeconds:0.0}/s)");
            Console.WriteLine(result.Cpu);
            results.Add(result);
        }
        return results;
    }

    private static string Seconds(LatencyStats stats) =>
        stats.Count == 1
            ? $"{stats.P50Ms / 1000:0.00}"
            : $"p50 {stats.P50Ms / 1000:0.00}, p90 {stats.P90Ms / 1000:0.00}, p99 {stats.P99Ms / 1000:0.00}, mean {stats.MeanMs / 1000:0.00} (n={stats.Count})";

    private static async Task<Result> RunOnceAsync(BatchBenchSettings settings, TimeSpan providerLatency)
    {
        await using var platform = await BenchPlatform.StartAsync(settings.SettlementReplicas, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["gateway"] = BenchPlatform.UnlimitedGateway,
            ["provider-sandbox"] = new Dictionary<string, string> { ["Sandbox__Latency"] = providerLatency.ToString("c", CultureInfo.InvariantCulture) },
        });
        using var gateway = platform.CreateHttpClient("gateway");
        gateway.Timeout = TimeSpan.FromSeconds(120);
        var admin = BenchSetup.Bearer(platform.Issuer, "1", PayoutsRoles.Admin);

        var batches = new PreparedBatch[settings.Batches];
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Batches), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency },
            async (index, _) => batches[index] = await PrepareAsync(gateway, admin, platform.Issuer, index, settings.Payees));
        var platformUsers = (settings.Payees + PayeesPerPlatformUser - 1) / PayeesPerPlatformUser;
        Console.WriteLine($"    {settings.Batches} ready batch(es) of {settings.Payees} payees ({platformUsers} platform users, {settings.Payees - platformUsers} outside emails), one company each");

        // A fresh platform's first batch pays for first calls (JIT, connections, queues): an untimed one goes first.
        var warmup = settings.WarmupPayees > 0 ? await PrepareAsync(gateway, admin, platform.Issuer, settings.Batches, settings.WarmupPayees) : null;

        // The code that confirmed an enrollment is spent: approve with the next step's.
        var lastConfirmed = batches.Append(warmup).Max(b => b?.ConfirmedStep ?? 0);
        while (TotpAuthenticator.StepAt(DateTimeOffset.UtcNow) <= lastConfirmed) await Task.Delay(TimeSpan.FromMilliseconds(200));

        if (warmup is not null)
        {
            var (elapsed, status) = await ApproveAndWaitAsync(gateway, warmup, TimeSpan.FromMilliseconds(100));
            Console.WriteLine($"    warm-up batch of {warmup.Payees} payees (untimed): {status} in {elapsed.TotalSeconds:0.00} s");
        }

        // Polling is load too: one batch is polled closely (its seconds are the figure), many less often.
        var pollInterval = TimeSpan.FromMilliseconds(settings.Batches == 1 ? 100 : 500);
        var cpuBefore = ResourceCpu.Sample(platform);
        var started = Stopwatch.GetTimestamp();
        var outcomes = await Task.WhenAll(batches.Select(b => ApproveAndWaitAsync(gateway, b, pollInterval)));
        var wall = Stopwatch.GetElapsedTime(started);
        var cpuAfter = ResourceCpu.Sample(platform);

        var paid = 0;
        var failed = 0;
        foreach (var batch in batches)
        {
            var statistics = (await BenchSetup.GetOkAsync(gateway, batch.Member, $"/v1/payouts/batches/{batch.Id}")).GetProperty("statistics");
            paid += statistics.GetProperty("completed_recipients").GetInt32();
            failed += statistics.GetProperty("failed_recipients").GetInt32();
        }
        var recorded = await RecordedTimesAsync(await platform.GetConnectionStringAsync("batchesdb"), [.. batches.Select(b => b.Id)]);
        return new Result(providerLatency, settings.Batches, batches.Sum(b => b.Payees), paid, failed, outcomes.Count(o => o.Status != "completed"),
            LatencyStats.From([.. outcomes.Select(o => o.Elapsed)]), LatencyStats.From([.. recorded.Select(r => r.Completed - r.Approved)]),
            wall.TotalSeconds, (recorded.Max(r => r.Completed) - recorded.Min(r => r.Approved)).TotalSeconds,
            cpuAfter.Since(cpuBefore), cpuAfter.SecondsSince(cpuBefore).ToDictionary(c => c.Name, c => c.Seconds, StringComparer.Ordinal));
    }

    /// <summary>A company with a funded wallet, a member with a confirmed TOTP factor, and a ready batch of <paramref name="payees"/>.</summary>
    private static async Task<PreparedBatch> PrepareAsync(HttpClient gateway, AuthenticationHeaderValue admin, LocalTokenIssuer issuer, int index, int payees)
    {
        var company = $"bench-company-{index}";
        var member = BenchSetup.Bearer(issuer, (6_000_001 + index).ToString(CultureInfo.InvariantCulture), PayoutsRoles.User, company);

        var list = new List<Payee>(payees);
        for (var n = 0; n < payees; n++)
        {
            var amount = 10m + n % 10 + 0.25m;
            if (n % PayeesPerPlatformUser != 0)
            {
                list.Add(new Payee($"payee{n}-batch{index}@example.com", amount));
                continue;
            }
            var userId = 7_000_000L + index * BatchBenchSettings.MaxPayees + n;
            var email = $"member{userId}@example.com";
            await BenchSetup.SendOkAsync(gateway, admin, "/api/admin/users", new { id = userId, email, firstName = "Bench", lastName = "Member", minimumPayout = 10m });
            list.Add(new Payee(email, amount));
        }

        // Billing funds the wallet: invoice, the member's manual payment, an admin's approval.
        var funding = list.Sum(p => p.Amount) + 100m;
        var invoice = await BenchSetup.SendOkAsync(gateway, admin, "/api/v1/billing/admin/invoices/",
            new { company_id = company, amount = funding.ToString(CultureInfo.InvariantCulture), currency = Currency });
        var payment = await BenchSetup.SendOkAsync(gateway, member, "/api/v1/billing/payments/manual/",
            new { invoice_id = invoice.GetProperty("invoice").GetProperty("id").GetInt64(), payment_method = "bank_transfer", transaction_reference = $"BENCH-WIRE-{index}" });
        await BenchSetup.SendOkAsync(gateway, admin, $"/api/v1/billing/admin/payments/{payment.GetProperty("payment").GetProperty("id").GetInt64()}/approve/", new { });

        var enrolled = await BenchSetup.SendOkAsync(gateway, member, "/v1/platform/2fa/enroll", new { });
        var authenticator = TotpAuthenticator.FromBase32(enrolled.GetProperty("secret").GetString()!);
        var now = DateTimeOffset.UtcNow;
        await BenchSetup.SendOkAsync(gateway, member, "/v1/platform/2fa/confirm", new { code = authenticator.CodeAt(now) });

        var created = await BenchSetup.SendOkAsync(gateway, member, "/v1/payouts/batch", new
        {
            payment_reference = $"BENCH-{index}",
            payees = list.Select(p => new { email = p.Email, amount = p.Amount, memo = "Bench" }).ToArray(),
        });
        var id = Guid.Parse(created.GetProperty("batch").GetProperty("id").GetString()!);
        await BenchSetup.SendOkAsync(gateway, member, $"/v1/payouts/batches/{id}/ready", new { });
        return new PreparedBatch(id, member, authenticator, TotpAuthenticator.StepAt(now), payees);
    }

    /// <summary>Approves the batch with a current code, then polls its status until it is completed or failed.</summary>
    private static async Task<(TimeSpan Elapsed, string Status)> ApproveAndWaitAsync(HttpClient gateway, PreparedBatch batch, TimeSpan pollInterval)
    {
        var started = Stopwatch.GetTimestamp();
        await BenchSetup.SendOkAsync(gateway, batch.Member, $"/v1/payouts/batches/{batch.Id}/approve", new { code = batch.Authenticator.CodeAt(DateTimeOffset.UtcNow) });
        while (true)
        {
            var status = (await BenchSetup.GetOkAsync(gateway, batch.Member, $"/v1/payouts/batches/{batch.Id}/status")).GetProperty("batch_status").GetString()!;
            if (status is "completed" or "failed") return (Stopwatch.GetElapsedTime(started), status);
            if (Stopwatch.GetElapsedTime(started) > CompletionTimeout)
                throw new TimeoutException($"Batch {batch.Id} was still {status} {CompletionTimeout.TotalMinutes:0} min after its approval.");
            await Task.Delay(pollInterval);
        }
    }

    /// <summary>Each batch's own <c>approved_at</c> and <c>completed_at</c>, from batchesdb.</summary>
    private static async Task<List<(DateTimeOffset Approved, DateTimeOffset Completed)>> RecordedTimesAsync(string connectionString, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT approved_at, completed_at FROM batches WHERE id = ANY(@ids) AND completed_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("ids", ids);
        var times = new List<(DateTimeOffset, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) times.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return times;
    }
}
