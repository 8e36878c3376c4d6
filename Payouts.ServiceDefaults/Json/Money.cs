using System.Globalization;

namespace Payouts.ServiceDefaults.Json;

/// <summary>
/// How every family writes an amount of money (ARCHITECTURE §5): the seeds' <c>500</c> and <c>100.50</c>. A whole amount
/// without decimals, any other with at least two (all a 2- or 3-decimal currency's minor units, never the storage's four zeros).
/// </summary>
public static class Money
{
    public static string Format(decimal amount) =>
        amount == decimal.Truncate(amount)
            ? decimal.Truncate(amount).ToString("0", CultureInfo.InvariantCulture)
            : amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
