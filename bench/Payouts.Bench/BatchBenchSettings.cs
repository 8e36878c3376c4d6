using System.Globalization;

namespace Payouts.Bench;

/// <summary>
/// Options of the <c>batch</c> mode: <c>--batches 1 --payees 100 --latency-ms 0,1000 --settlement-replicas 2 --warmup 10</c>.
/// One platform per provider latency; without <c>--latency-ms</c>, one batch runs at 0 and 1000 ms (issue 12's two
/// figures) and several batches at 0 ms (the recipients/s target is set without provider latency). <c>--warmup</c> is
/// the payees of one untimed batch completed first (0: none).
/// </summary>
public sealed record BatchBenchSettings(int Batches, int Payees, IReadOnlyList<TimeSpan> ProviderLatencies, int SettlementReplicas, int WarmupPayees)
{
    /// <summary>Seed 001's limit on payees in one batch.</summary>
    public const int MaxPayees = 100;

    public static BatchBenchSettings Parse(string[] args)
    {
        if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} needs a value.");
        var settings = new BatchBenchSettings(1, MaxPayees, [], SettlementReplicas: 2, WarmupPayees: 10);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--batches" => settings with { Batches = Positive(args[i], value) },
                "--payees" => settings with { Payees = PayeeCount(args[i], value) },
                "--latency-ms" => settings with { ProviderLatencies = [.. value.Split(',').Select(Milliseconds)] },
                "--settlement-replicas" => settings with { SettlementReplicas = Positive(args[i], value) },
                "--warmup" => settings with { WarmupPayees = value == "0" ? 0 : PayeeCount(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.ProviderLatencies.Count == 0)
            settings = settings with { ProviderLatencies = settings.Batches == 1 ? [TimeSpan.Zero, TimeSpan.FromSeconds(1)] : [TimeSpan.Zero] };
        return settings;
    }

    private static int PayeeCount(string option, string value) =>
        Positive(option, value) is var n && n <= MaxPayees ? n : throw new ArgumentException($"{option} is at most {MaxPayees}, a batch's limit, not {value}.");

    private static TimeSpan Milliseconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : throw new ArgumentException($"--latency-ms needs whole numbers ≥ 0, not '{value}'.");

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs a positive whole number, not '{value}'.");
}
