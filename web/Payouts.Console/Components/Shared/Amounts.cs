using System.Globalization;

namespace Payouts.Console.Components.Shared;

/// <summary>How the console writes money: two decimals with group separators.</summary>
public static class Amounts
{
    public static string Format(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
