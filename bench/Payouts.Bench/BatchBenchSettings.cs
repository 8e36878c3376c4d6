using System.Globalization;

namespace Payouts.Bench;

/// <summary>
/// Options of the <c>batch</c> mode: <c>--batches 1 --payees 100 --latency-ms 0,1000 --settlement-replicas 2</c>.
/// One platform per provider latency; without <c>--latency-ms</c>, one batch runs at 0 and 1000 ms (issue 12's two
/// figures) and several batches at 0 ms (the recipients/s target is set without provider latency).
/// </summary>
public sealed record BatchBenchSettings(int Batches, int Payees, IReadOnlyList<TimeSpan> ProviderLatencies, int SettlementReplicas)
{
    /// <summary>Seed 001's limit on payees in one batch.</summary>
    public const int MaxPayees = 100;

    public static BatchBenchSettings Parse(string[] args)
    {
        if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} needs a value.");
        var settings = new BatchBenchSettings(1, MaxPayees, [], SettlementReplicas: 2);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--batches" => settings with { Batches = Positive(args[i], value) },
                "--payees" => settings with { Payees = PayeeCount(value) },
                "--latency-ms" => settings with { ProviderLatencies = [.. value.Split(',').Select(Milliseconds)] },
                "--settlement-replicas" => settings with { SettlementReplicas = Positive(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (settings.ProviderLatencies.Count == 0)
            settings = settings with { ProviderLatencies = settings.Batches == 1 ? [TimeSpan.Zero, TimeSpan.FromSeconds(1)] : [TimeSpan.Zero] };
        return settings;
    }

    private static int PayeeCount(string value) =>
        Positive("--payees", value) is var n && n <= MaxPayees ? n : throw new ArgumentException($"--payees is at most {MaxPayees}, a batch's limit, not {value}.");

    private static TimeSpan Milliseconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : throw new ArgumentException($"--latency-ms needs whole numbers ≥ 0, not '{value}'.");

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs a positive whole number, not '{value}'.");
}
