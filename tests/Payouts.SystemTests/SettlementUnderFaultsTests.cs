using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Xunit.Abstractions;
using Payouts.Testing;

namespace Payouts.SystemTests;

/// <summary>
/// 500 payouts processed through the gateway while RabbitMQ is restarted once and a settlement replica is killed once.
/// Afterwards every payout must be terminal, the provider must hold exactly one successful transfer per completed
/// payout and none for the others, the provider's float must have moved by exactly what was paid, and the ledger
/// must balance. Its own platform, so the faults disturb no other test.
/// </summary>
public sealed class SettlementUnderFaultsTests(FaultTestPlatformFixture fixture, ITestOutputHelper output) : IClassFixture<FaultTestPlatformFixture>
{
    private const int Users = 25;
    private const int PayoutsPerUser = 20;
    private const int ClosedAccountUsers = 3;
    private const string ClosedAccount = "4000000001"; // the sandbox fails every transfer to it (account_closed), debiting nothing
    private const string SettlementAccount = "SANDBOX-SETTLEMENT-001";
    private const decimal Credit = 5000m;
    private const int SetupConcurrency = 6;
    private const int ProcessConcurrency = 16;
    private static readonly TimeSpan BrokerDowntime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SettleBound = TimeSpan.FromMinutes(4);

    private sealed record Payee(long UserId, AuthenticationHeaderValue Token, long BeneficiaryId, long DetailsId, string AccountNumber)
    {
        public bool Closed => AccountNumber == ClosedAccount;
    }

    [Fact]
    public async Task Payouts_processed_through_a_broker_restart_and_a_killed_settlement_replica_are_each_paid_at_most_once_and_the_ledger_balances()
    {
        var platform = fixture.Platform;
        using var gateway = new GatewayClient(platform);
        var databases = new PlatformDatabases(platform);
        var admin = fixture.Tokens.Admin("1");
        var clock = Stopwatch.StartNew();

        var payees = await CreatePayeesAsync(gateway, admin);
        var payouts = await RequestPayoutsAsync(gateway, payees);
        var ids = payouts.Keys.ToArray();
        var setupTime = clock.Elapsed;
        var openingFloat = await databases.SandboxBalanceAsync(SettlementAccount, "USD");

        // Every payout processed without a reference (settled through the provider), the faults injected mid-way.
        clock.Restart();
        var answered = 0;
        var retriedCalls = 0;
        var faults = InjectFaultsAsync(platform, databases, ids, () => Volatile.Read(ref answered));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = ProcessConcurrency }, async (id, _) =>
        {
            var retries = await ProcessAsync(gateway, admin, id);
            Interlocked.Add(ref retriedCalls, retries);
            Interlocked.Increment(ref answered);
        });
        var processTime = clock.Elapsed;
        var faultReport = await faults;

        await Eventually.HoldsAsync(async () =>
            (await databases.PayoutStatusCountsAsync(ids)).Keys.All(status => status is "completed" or "failed"),
            "every payout to be completed or failed", SettleBound, TimeSpan.FromSeconds(1),
            detail: async () => $"payouts {Describe(await databases.PayoutStatusCountsAsync(ids))}; " +
                                $"settlement transfers {Describe(await databases.SettlementTransferStatusCountsAsync())}; {faultReport}");
        var settleTime = clock.Elapsed;

        var rows = await databases.PayoutsAsync(ids);
        var transfers = await databases.SandboxTransfersAsync();
        var byReference = transfers.GroupBy(t => t.PaymentReference).ToDictionary(g => g.Key, g => g.ToList());
        var completed = rows.Where(r => r.Status == "completed").ToList();
        var failed = rows.Where(r => r.Status == "failed").ToList();
        var successful = transfers.Where(t => t.Status == "completed").ToList();
        var strangers = transfers.Count(t => !payouts.ContainsKey(Guid.TryParse(t.PaymentReference, out var g) ? g : Guid.Empty));
        var duplicates = byReference.Values.Sum(list => list.Count - 1) + strangers;
        var paid = successful.Sum(t => t.Amount);
        var closingFloat = await databases.SandboxBalanceAsync(SettlementAccount, "USD");
        var ledgerSum = await databases.LedgerSumAsync();

        output.WriteLine($"payouts {rows.Count} ({Users} users): completed {completed.Count}, failed {failed.Count} (expected {ClosedAccountUsers * PayoutsPerUser} to the closed account)");
        output.WriteLine($"sandbox transfers {transfers.Count}: successful {successful.Count}, failed {transfers.Count(t => t.Status == "failed")}, pending {transfers.Count(t => t.Status == "pending")}; duplicates {duplicates}");
        output.WriteLine($"paid {paid:0.00} USD; provider float {openingFloat:0.00} → {closingFloat:0.00}; ledger sum {ledgerSum:0.0000}");
        output.WriteLine($"settlement transfers {Describe(await databases.SettlementTransferStatusCountsAsync())} (failed by code: {Describe(await databases.SettlementFailureCodeCountsAsync())}); poison messages {await databases.SettlementFaultsAsync()}");
        output.WriteLine(faultReport);
        output.WriteLine($"settlement replicas now: {string.Join("; ", (await platform.InstancesAsync("settlement")).Select(RunningPlatform.Describe))}");
        output.WriteLine($"time: setup {setupTime.TotalSeconds:0.0} s, process calls {processTime.TotalSeconds:0.0} s ({retriedCalls} retried), all terminal after {settleTime.TotalSeconds:0.0} s");

        Assert.Equal(Users * PayoutsPerUser, rows.Count);
        Assert.Equal(rows.Count, completed.Count + failed.Count);
        // Nothing but the closed account may fail: every other fault must have been recovered from, not turned into a failure.
        foreach (var row in rows)
            Assert.True((row.Status == "failed") == payouts[row.Uuid].Closed, $"payout {row.Uuid} to {Mask(payouts[row.Uuid].AccountNumber)} ended {row.Status}");

        Assert.Equal(0, duplicates);
        foreach (var payout in completed)
        {
            var transfer = Assert.Single(byReference[payout.Uuid.ToString("D")]);
            Assert.Equal("completed", transfer.Status);
            Assert.Equal(transfer.Id, payout.TransactionReference);
            Assert.Equal(payout.NetAmount, transfer.Amount);
            Assert.Equal(payouts[payout.Uuid].AccountNumber, transfer.Destination);
        }
        foreach (var payout in failed)
            Assert.DoesNotContain(byReference.GetValueOrDefault(payout.Uuid.ToString("D")) ?? [], t => t.Status is "completed" or "pending");
        Assert.Equal(completed.Count, successful.Count);
        Assert.Equal(openingFloat - paid, closingFloat);

        Assert.Equal(0m, ledgerSum);
        Assert.Equal(0, await databases.LedgerAccountsOutOfStepAsync());
        foreach (var payee in payees)
        {
            var spent = completed.Where(p => p.UserId == payee.UserId).Sum(p => p.Amount);
            Assert.Equal(0m, await databases.UserBalanceAsync(payee.UserId, "held", "USD"));
            Assert.Equal(Credit - spent, await databases.UserBalanceAsync(payee.UserId, "available", "USD"));
        }
    }

    /// <summary>
    /// Once a quarter of the process calls are answered, RabbitMQ is stopped and started again (the resource's Stop and
    /// Start commands); once settlement has visibly resumed after it, the second settlement replica's process is
    /// killed (the AppHost restarts it).
    /// </summary>
    private static async Task<string> InjectFaultsAsync(RunningPlatform platform, PlatformDatabases databases, Guid[] ids, Func<int> answered)
    {
        await Eventually.HeldWithinAsync(() => Task.FromResult(answered() >= ids.Length / 4), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(200));
        var before = await databases.PayoutStatusCountsAsync(ids);
        var restart = Stopwatch.StartNew();
        using (var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            await platform.RestartBrokerAsync(BrokerDowntime, bound.Token);
        var brokerBack = restart.Elapsed;

        var terminalAfterRestart = Terminal(await databases.PayoutStatusCountsAsync(ids));
        var resumed = await Eventually.HeldWithinAsync(async () => Terminal(await databases.PayoutStatusCountsAsync(ids)) >= Math.Min(ids.Length, terminalAfterRestart + 25), TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200));
        var atKill = await databases.PayoutStatusCountsAsync(ids);
        var replica = (await platform.InstancesAsync("settlement"))[1];
        var killedPid = await platform.KillAsync(replica.ResourceId);
        return $"faults: broker restarted at {Describe(before)} (down and back in {brokerBack.TotalSeconds:0.0} s{(platform.BrokerStopNote is { } note ? "; " + note : "")}); " +
               $"settlement replica 2 ({replica.ResourceId}, pid {killedPid}) killed at {Describe(atKill)}{(resumed ? "" : " — settlement had not visibly resumed within 90 s")}";
    }

    private static int Terminal(IReadOnlyDictionary<string, int> counts) => counts.GetValueOrDefault("completed") + counts.GetValueOrDefault("failed");

    /// <summary>Processes one payout; transient failures (the platform is being faulted) are retried under one Idempotency-Key.</summary>
    private static async Task<int> ProcessAsync(GatewayClient gateway, AuthenticationHeaderValue admin, Guid payout)
    {
        for (var attempt = 0; ; attempt++)
        {
            Reply? reply = null;
            try
            {
                reply = await gateway.PostAsync($"/api/admin/payouts/{payout}/process", admin, new { notes = "fault test" }, idempotencyKey: $"fault-{payout:N}");
            }
            catch (HttpRequestException) when (attempt < 20) { }
            catch (TaskCanceledException) when (attempt < 20) { }
            if (reply is { Status: HttpStatusCode.OK or HttpStatusCode.Accepted }) return attempt;
            Assert.True(reply is null || (int)reply.Status >= 500 && attempt < 20, $"process {payout}: {reply?.Status} {reply?.Raw}");
            await Task.Delay(500);
        }
    }

    private async Task<IReadOnlyList<Payee>> CreatePayeesAsync(GatewayClient gateway, AuthenticationHeaderValue admin)
    {
        var firstId = Random.Shared.NextInt64(1_000_000, 8_000_000_000);
        var payees = new ConcurrentBag<Payee>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (index, _) =>
        {
            var id = firstId + index;
            var token = fixture.Tokens.User(id.ToString(CultureInfo.InvariantCulture));
            Ok(await gateway.PostAsync("/api/admin/users", admin, new { id, email = $"fault{id}@example.com", firstName = "Load", lastName = $"Payee{index}", minimumPayout = "10" }));
            Ok(await gateway.PostAsync($"/api/admin/users/{id}/credits", admin,
                new { amount = Credit.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"FAULT-{id}" }, idempotencyKey: $"fault-credit-{id}"));
            var beneficiary = Ok(await gateway.PostAsync("/beneficiaries", token, new
            {
                recipient_type = "individual", customer_name = $"Payee {index}", customer_email = $"payee{id}@example.com", country = "US",
            }));
            var accountNumber = index < ClosedAccountUsers ? ClosedAccount : "5" + (id % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "8";
            var beneficiaryId = beneficiary.Body.GetProperty("data").GetProperty("id").GetInt64();
            var details = Ok(await gateway.PostAsync($"/beneficiaries/{beneficiaryId}/details", token, new
            {
                bank_name = "Chase", account_number = accountNumber, routing_number = "021000021", country = "US", currency = "USD",
            }));
            payees.Add(new Payee(id, token, beneficiaryId, details.Body.GetProperty("data").GetProperty("beneficiary_details_id").GetInt64(), accountNumber));
        });
        return [.. payees];
    }

    /// <summary>Seed 002 simple payouts, asked again while PayoutService has not yet heard of the beneficiary's details.</summary>
    private static async Task<IReadOnlyDictionary<Guid, Payee>> RequestPayoutsAsync(GatewayClient gateway, IReadOnlyList<Payee> payees)
    {
        var requests = payees.SelectMany(p => Enumerable.Range(0, PayoutsPerUser).Select(n => (Payee: p, N: n))).ToList();
        var payouts = new ConcurrentDictionary<Guid, Payee>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (request, _) =>
        {
            // 50.00 to 149.99: within bank transfer's limits, and never beyond the credit.
            var amount = 50m + (request.Payee.UserId * 31 + request.N * 977) % 10_000 / 100m;
            var reply = await Eventually.ValueAsync(async () =>
            {
                var attempt = await gateway.PostAsync("/payout/simple", request.Payee.Token, new
                {
                    beneficiary_id = request.Payee.BeneficiaryId, beneficiary_details_id = request.Payee.DetailsId, amount = amount.ToString(CultureInfo.InvariantCulture),
                }, idempotencyKey: $"fault-{request.Payee.UserId}-{request.N}");
                return attempt.Status == HttpStatusCode.NotFound ? null : attempt;
            }, "PayoutService to know the beneficiary's details", TimeSpan.FromSeconds(60));
            Ok(reply);
            payouts[Guid.Parse(reply.Body.GetProperty("data").GetProperty("payout_id").GetString()!)] = request.Payee;
        });
        return payouts;
    }

    private static Reply Ok(Reply reply)
    {
        Assert.True(reply.IsOk, reply.Raw);
        return reply;
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static string Mask(string accountNumber) => "****" + accountNumber[^4..];
}
