using Payouts.Bench;

// Figures for the platform on this machine; not part of the test run.
//   dotnet run -c Release --project bench/Payouts.Bench -- [--cold-runs 2] [--requests 2000] [--warmup 300] [--concurrency 1]
//   dotnet run -c Release --project bench/Payouts.Bench -- bank-accounts [--requests 2000] [--warmup 300] [--concurrency 16]
//   dotnet run -c Release --project bench/Payouts.Bench -- payouts [--requests 2000] [--warmup 300] [--concurrency 16]
//   dotnet run -c Release --project bench/Payouts.Bench -- settlement [--payouts 200] [--latency-ms 1000] [--replicas 1,2,4]
if (args is ["settlement", .. var settlementArgs])
{
    var settlement = SettlementBenchSettings.Parse(settlementArgs);
    Console.WriteLine($"Payouts bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine($"Settlement end to end: {settlement.Payouts} payouts processed at once through the gateway, provider latency {settlement.ProviderLatency.TotalMilliseconds:0} ms per transfer:");
    var results = await SettlementThroughputBenchmark.RunAsync(settlement.Replicas, settlement.Payouts, settlement.ProviderLatency);
    Console.WriteLine();
    Console.WriteLine("  replicas  payouts  completed  failed  seconds  payouts/s  p50 ms   p99 ms");
    foreach (var r in results)
        Console.WriteLine($"  {r.Replicas,8}  {r.Payouts,7}  {r.Completed,9}  {r.Failed,6}  {r.Seconds,7:0.0}  {r.PerSecond,9:0.0}  {r.Latency.P50Ms,6:0}  {r.Latency.P99Ms,7:0}");
    return;
}

if (args is ["payouts", .. var payoutArgs])
{
    var payoutSettings = BenchSettings.Parse(payoutArgs);
    var payoutConcurrency = payoutArgs.Contains("--concurrency") ? payoutSettings.Concurrency : 16;
    Console.WriteLine($"Payouts bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine($"Payout requests through the gateway ({payoutSettings.Requests} requests after {payoutSettings.Warmup} warm-up):");
    await PayoutRequestBenchmark.RunAsync(payoutSettings.Requests, payoutSettings.Warmup, payoutConcurrency, users: 50);
    return;
}

if (args is ["bank-accounts", .. var bankAccountArgs])
{
    var bankSettings = BenchSettings.Parse(bankAccountArgs);
    // Under concurrency unless told otherwise.
    var concurrency = bankAccountArgs.Contains("--concurrency") ? bankSettings.Concurrency : 16;
    Console.WriteLine($"Payouts bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine($"List bank accounts through the gateway ({bankSettings.Requests} requests after {bankSettings.Warmup} warm-up):");
    await BankAccountListBenchmark.RunAsync(bankSettings.Requests, bankSettings.Warmup, concurrency);
    return;
}

var settings = BenchSettings.Parse(args);

Console.WriteLine($"Payouts bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"Cold start (AppHost process start → every resource healthy; fresh data folder; settlement ×{settings.SettlementReplicas}):");
var coldStarts = await ColdStartBenchmark.RunAsync(settings.ColdRuns, settings.SettlementReplicas);
Console.WriteLine($"  best {coldStarts.Min():0.0} s, median {Median(coldStarts):0.0} s, worst {coldStarts.Max():0.0} s (target < 30 s)");
Console.WriteLine();
Console.WriteLine($"Gateway added latency ({settings.Requests} requests per path after {settings.Warmup} warm-up, concurrency {settings.Concurrency}):");
await GatewayLatencyBenchmark.RunAsync(settings.Requests, settings.Warmup, settings.Concurrency);

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
