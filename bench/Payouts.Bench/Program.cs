using Payouts.Bench;

// Figures for the platform on this machine; not part of the test run. Every mode starts the platform through the real
// AppHost; each run's figures are also written to bench/results/<date>-<mode>.json (see README.md).
//   dotnet run -c Release --project bench/Payouts.Bench -- [--cold-runs 3] [--requests 2000] [--warmup 300] [--concurrency 1]
//   dotnet run -c Release --project bench/Payouts.Bench -- bank-accounts [--requests 2000] [--warmup 300] [--concurrency 16]
//   dotnet run -c Release --project bench/Payouts.Bench -- payouts [--requests 2000] [--warmup 300] [--concurrency 16]
//   dotnet run -c Release --project bench/Payouts.Bench -- settlement [--payouts 200] [--latency-ms 1000] [--replicas 1,2,4]
//   dotnet run -c Release --project bench/Payouts.Bench -- pipeline [--rate 50] [--duration 20] [--latency-ms 0] [--settlement-replicas 1]
//   dotnet run -c Release --project bench/Payouts.Bench -- batch [--batches 1] [--payees 100] [--latency-ms 0,1000] [--settlement-replicas 2]
//   dotnet run -c Release --project bench/Payouts.Bench -- webhooks [--payouts 200] [--receivers 1]
var mode = args is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal) ? first : "default";
var results = BenchResults.Start(mode, args);

Console.WriteLine($"Payouts bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {BenchResults.LoadAverage()} at the start");
try
{
    await RunAsync(args, results);
}
catch (Exception e)
{
    Console.WriteLine($"bench failed: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine(e);
    Console.WriteLine($"load average {BenchResults.LoadAverage()} at the end");
    Console.WriteLine($"(written to {await results.WriteAsync($"{e.GetType().Name}: {e.Message}")})");
    return 1;
}
Console.WriteLine($"load average {BenchResults.LoadAverage()} at the end");
Console.WriteLine($"(written to {await results.WriteAsync(error: null)})");
return 0;

static async Task RunAsync(string[] args, BenchResults results)
{
    switch (args)
    {
        case ["settlement", .. var settlementArgs]:
        {
            var settlement = SettlementBenchSettings.Parse(settlementArgs);
            results.Settings(settlement);
            Console.WriteLine($"Settlement end to end: {settlement.Payouts} payouts processed at once through the gateway, provider latency {settlement.ProviderLatency.TotalMilliseconds:0} ms per transfer:");
            var rows = await SettlementThroughputBenchmark.RunAsync(settlement.Replicas, settlement.Payouts, settlement.ProviderLatency);
            Console.WriteLine();
            Console.WriteLine("  replicas  payouts  completed  failed  seconds  payouts/s  p50 ms   p99 ms");
            foreach (var r in rows)
                Console.WriteLine($"  {r.Replicas,8}  {r.Payouts,7}  {r.Completed,9}  {r.Failed,6}  {r.Seconds,7:0.0}  {r.PerSecond,9:0.0}  {r.Latency.P50Ms,6:0}  {r.Latency.P99Ms,7:0}");
            foreach (var r in rows)
            {
                results.Add(new BenchFigures($"settlement ×{r.Replicas}", "payout", r.Completed, r.Seconds, r.PerSecond,
                    new Dictionary<string, LatencyStats> { ["processed → completed"] = r.Latency }, r.Costs,
                    new Dictionary<string, object> { ["replicas"] = r.Replicas, ["failed"] = r.Failed, ["stagesMedianMs"] = r.Stages, ["backlog"] = r.Backlog }));
            }
            break;
        }
        case ["pipeline", .. var pipelineArgs]:
        {
            var pipeline = PipelineBenchSettings.Parse(pipelineArgs);
            results.Settings(pipeline);
            Console.WriteLine($"Pipeline, open loop: process calls through the gateway at {pipeline.Rate:0.#}/s for {pipeline.Duration.TotalSeconds:0} s, " +
                $"provider latency {pipeline.ProviderLatency.TotalMilliseconds:0} ms, settlement ×{pipeline.SettlementReplicas}; latency from each call's due time:");
            results.Add(await OpenLoopPipelineBenchmark.RunAsync(pipeline));
            break;
        }
        case ["batch", .. var batchArgs]:
        {
            var batch = BatchBenchSettings.Parse(batchArgs);
            results.Settings(batch);
            Console.WriteLine($"Batches end to end: {batch.Batches} batch(es) of {batch.Payees} payees approved at once through the gateway, approve → completed " +
                "(targets: one batch under 5 s with provider latency 0; 20 batches at 100+ recipients/s):");
            var rows = await BatchCompletionBenchmark.RunAsync(batch);
            Console.WriteLine();
            Console.WriteLine("  latency ms  batches  recipients  paid  failed  seconds  recipients/s  batch p50 s  batch p99 s");
            foreach (var r in rows)
                Console.WriteLine($"  {r.ProviderLatency.TotalMilliseconds,10:0}  {r.Batches,7}  {r.Recipients,10}  {r.Paid,4}  {r.Failed,6}  {r.WallSeconds,7:0.00}  {r.PaidPerSecond,12:0.0}  {r.Observed.P50Ms / 1000,11:0.00}  {r.Observed.P99Ms / 1000,11:0.00}");
            foreach (var r in rows)
            {
                results.Add(new BenchFigures($"batch, provider latency {r.ProviderLatency.TotalMilliseconds:0} ms", "recipient", r.Paid, r.WallSeconds, r.PaidPerSecond,
                    new Dictionary<string, LatencyStats> { ["approve → completed, observed"] = r.Observed, ["approve → completed, recorded"] = r.Recorded },
                    Details: new Dictionary<string, object>
                    {
                        ["batches"] = r.Batches, ["recipients"] = r.Recipients, ["failed"] = r.Failed, ["notCompleted"] = r.NotCompleted,
                        ["cpuSecondsPerRecipient"] = r.CpuSeconds.ToDictionary(c => c.Key, c => c.Value / Math.Max(r.Paid, 1)),
                    }));
            }
            break;
        }
        case ["webhooks", .. var webhookArgs]:
        {
            var webhooks = WebhookBenchSettings.Parse(webhookArgs);
            results.Settings(webhooks);
            Console.WriteLine($"Webhooks end to end: {webhooks.Payouts} payouts paid through the provider, then {webhooks.Payouts} more while the receivers answer 503; " +
                $"{webhooks.Receivers} local receiver(s), one endpoint per paying user on each:");
            var r = await WebhookDeliveryBenchmark.RunAsync(webhooks);
            results.Add(new BenchFigures("webhooks, completion → arrival", "delivery", r.Deliveries, r.ArrivalSpanSeconds, r.Deliveries / r.ArrivalSpanSeconds,
                new Dictionary<string, LatencyStats> { ["payout completed → webhook arrived"] = r.Arrival },
                Details: new Dictionary<string, object> { ["receivers"] = r.Receivers, ["endpoints"] = r.Endpoints, ["duplicates"] = r.Duplicates }));
            results.Add(new BenchFigures("webhooks, backlog drain", "delivery", r.Backlog, r.DrainSeconds, r.DrainPerSecond, new Dictionary<string, LatencyStats>(),
                Details: new Dictionary<string, object> { ["receivers"] = r.Receivers, ["endpoints"] = r.Endpoints, ["refusedAttemptsWhileBuilding"] = r.RefusedAttempts }));
            break;
        }
        case ["payouts", .. var payoutArgs]:
        {
            var payoutSettings = BenchSettings.Parse(payoutArgs);
            var payoutConcurrency = payoutArgs.Contains("--concurrency") ? payoutSettings.Concurrency : 16;
            const int users = 50;
            results.Settings(new { payoutSettings.Requests, payoutSettings.Warmup, Concurrency = payoutConcurrency, Users = users });
            Console.WriteLine($"Payout requests through the gateway ({payoutSettings.Requests} requests after {payoutSettings.Warmup} warm-up):");
            await PayoutRequestBenchmark.RunAsync(payoutSettings.Requests, payoutSettings.Warmup, payoutConcurrency, users, results);
            break;
        }
        case ["bank-accounts", .. var bankAccountArgs]:
        {
            var bankSettings = BenchSettings.Parse(bankAccountArgs);
            // Under concurrency unless told otherwise.
            var concurrency = bankAccountArgs.Contains("--concurrency") ? bankSettings.Concurrency : 16;
            results.Settings(new { bankSettings.Requests, bankSettings.Warmup, Concurrency = concurrency });
            Console.WriteLine($"List bank accounts through the gateway ({bankSettings.Requests} requests after {bankSettings.Warmup} warm-up):");
            results.Add(await BankAccountListBenchmark.RunAsync(bankSettings.Requests, bankSettings.Warmup, concurrency));
            break;
        }
        default:
        {
            var settings = BenchSettings.Parse(args);
            results.Settings(settings);
            if (settings.ColdRuns > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"Cold start (AppHost executable started → its \"Payouts is ready\" line; fresh data folder; settlement ×{settings.SettlementReplicas}):");
                Console.WriteLine($"  {ColdStartBenchmark.AppHostAssembly()}");
                var coldStarts = await ColdStartBenchmark.RunAsync(settings.ColdRuns, settings.SettlementReplicas);
                var seconds = coldStarts.Select(r => r.ReadySeconds).ToList();
                results.Add(new BenchFigures("cold start", "start", seconds.Count, seconds.Sum(), 0, new Dictionary<string, LatencyStats>(),
                    Details: new Dictionary<string, object> { ["readySeconds"] = seconds, ["medianSeconds"] = Median(seconds) }));
                Console.WriteLine($"  best {seconds.Min():0.0} s, median {Median(seconds):0.0} s, worst {seconds.Max():0.0} s (target < 20 s); load average {BenchResults.LoadAverage()}");
                Console.WriteLine("  the AppHost's own output, last run (s since its process started):");
                foreach (var (at, line) in coldStarts[^1].Output) Console.WriteLine($"    {at,6:0.0}  {line}");
            }
            Console.WriteLine();
            Console.WriteLine($"Gateway added latency ({settings.Requests} requests per path after {settings.Warmup} warm-up, concurrency {settings.Concurrency}):");
            var latency = await GatewayLatencyBenchmark.RunAsync(settings.Requests, settings.Warmup, settings.Concurrency, settings.SettlementReplicas);
            var paths = new Dictionary<string, LatencyStats> { ["DCP's proxy"] = latency.Proxied, ["gateway"] = latency.Gateway };
            if (latency.Own is not null) paths["own port"] = latency.Own;
            results.Add(new BenchFigures("gateway latency", "request", latency.Gateway.Count, 0, 0, paths));
            break;
        }
    }
}

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
