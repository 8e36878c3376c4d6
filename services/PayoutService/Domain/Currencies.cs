namespace Payouts.PayoutService.Domain;

/// <summary>The ISO 4217 currencies the platform pays out in, with their minor units (decimals allowed at the boundary).</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NGN"] = 2, ["PEN"] = 2,
        ["KES"] = 2, ["GHS"] = 2, ["ZAR"] = 2, ["MXN"] = 2, ["BRL"] = 2, ["INR"] = 2, ["JPY"] = 0,
    };

    public const string Default = "USD";

    /// <summary>Normalises <paramref name="code"/> to upper case; false when it is not a supported ISO 4217 code.</summary>
    public static bool TryNormalize(string? code, out string currency)
    {
        currency = (code ?? "").Trim().ToUpperInvariant();
        return MinorUnits.ContainsKey(currency);
    }

    public static int MinorUnitsOf(string currency) =>
        MinorUnits.TryGetValue(currency, out var units) ? units : throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));

    /// <summary>Rounds to the currency's minor unit (banker's rounding would bias fees; payments round half away from zero).</summary>
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MinorUnitsOf(currency), MidpointRounding.AwayFromZero);

    /// <summary>True when <paramref name="amount"/> has no more decimals than the currency allows.</summary>
    public static bool FitsMinorUnits(decimal amount, string currency) => Round(amount, currency) == amount;
}
