using System.Globalization;

namespace Payouts.Bench;

/// <summary>Options of the <c>pipeline</c> mode: <c>--rate 50 --duration 20 --latency-ms 0 --settlement-replicas 1</c>.</summary>
public sealed record PipelineBenchSettings(double Rate, TimeSpan Duration, TimeSpan ProviderLatency, int SettlementReplicas)
{
    /// <summary>Process calls scheduled over the run: one every 1/<see cref="Rate"/> s for <see cref="Duration"/>.</summary>
    public int Payouts => (int)Math.Round(Rate * Duration.TotalSeconds);

    public static PipelineBenchSettings Parse(string[] args)
    {
        var settings = new PipelineBenchSettings(50, TimeSpan.FromSeconds(20), TimeSpan.Zero, 1);
        if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} needs a value.");
        for (var i = 0; i < args.Length; i += 2)
        {
            var (option, value) = (args[i], args[i + 1]);
            settings = option switch
            {
                "--rate" => settings with
                {
                    Rate = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0
                        ? rate : throw new ArgumentException($"--rate needs a number of payouts per second above 0, not '{value}'."),
                },
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(Whole(option, value, minimum: 1)) },
                "--latency-ms" => settings with { ProviderLatency = TimeSpan.FromMilliseconds(Whole(option, value, minimum: 0)) },
                "--settlement-replicas" => settings with { SettlementReplicas = Whole(option, value, minimum: 1) },
                _ => throw new ArgumentException($"unknown option {option}"),
            };
        }
        return settings;
    }

    private static int Whole(string option, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{option} needs a whole number ≥ {minimum}, not '{value}'.");
}
