using System.Globalization;

namespace Payouts.Bench;

/// <summary>Options of the <c>webhooks</c> mode: <c>--payouts 200 --receivers 1</c>.</summary>
/// <param name="Payouts">payouts completed in each of the two parts (arrival latency, backlog drain)</param>
/// <param name="Receivers">local receivers (Kestrel, each on its own port); every paying user registers one endpoint on each</param>
public sealed record WebhookBenchSettings(int Payouts, int Receivers)
{
    public static WebhookBenchSettings Parse(string[] args)
    {
        var settings = new WebhookBenchSettings(200, 1);
        if (args.Length % 2 != 0) throw new ArgumentException($"{args[^1]} needs a value.");
        for (var i = 0; i < args.Length; i += 2)
        {
            settings = args[i] switch
            {
                "--payouts" => settings with { Payouts = Positive(args[i], args[i + 1]) },
                "--receivers" => settings with { Receivers = Positive(args[i], args[i + 1]) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return settings;
    }

    private static int Positive(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs a positive whole number, not '{value}'.");
}
