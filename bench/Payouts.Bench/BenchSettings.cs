namespace Payouts.Bench;

public sealed record BenchSettings(int ColdRuns, int Requests, int Warmup, int Concurrency, int SettlementReplicas)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(ColdRuns: 3, Requests: 2000, Warmup: 300, Concurrency: 1, SettlementReplicas: 2);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            // --cold-runs 0 skips the cold start (the latency part alone).
            var value = int.TryParse(args[i + 1], out var n) && (n > 0 || (n == 0 && args[i] == "--cold-runs"))
                ? n
                : throw new ArgumentException($"{args[i]} needs a positive whole number, not '{args[i + 1]}'.");
            settings = args[i] switch
            {
                "--cold-runs" => settings with { ColdRuns = value },
                "--requests" => settings with { Requests = value },
                "--warmup" => settings with { Warmup = value },
                "--concurrency" => settings with { Concurrency = value },
                "--settlement-replicas" => settings with { SettlementReplicas = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} needs a value.");
        return settings;
    }
}
