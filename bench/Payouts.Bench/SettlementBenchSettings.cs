using System.Globalization;

namespace Payouts.Bench;

/// <summary>Options of the <c>settlement</c> mode: <c>--payouts 200 --latency-ms 1000 --replicas 1,2,4</c>.</summary>
public sealed record SettlementBenchSettings(int Payouts, TimeSpan ProviderLatency, IReadOnlyList<int> Replicas)
{
    public static SettlementBenchSettings Parse(string[] args)
    {
        // A bank transfer API commonly answers within a second; the sandbox waits this long before every transfer answer.
        var settings = new SettlementBenchSettings(200, TimeSpan.FromMilliseconds(1000), [1, 2, 4]);
        if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} needs a value.");
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--payouts" => settings with { Payouts = Positive(args[i], value) },
                "--latency-ms" => settings with { ProviderLatency = TimeSpan.FromMilliseconds(int.TryParse(value, out var ms) && ms >= 0 ? ms : throw new ArgumentException($"--latency-ms needs a whole number ≥ 0, not '{value}'.")) },
                "--replicas" => settings with { Replicas = [.. value.Split(',').Select(r => Positive(args[i], r))] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return settings;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs positive whole numbers, not '{value}'.");
}
