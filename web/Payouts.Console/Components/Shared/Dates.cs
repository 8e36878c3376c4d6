using System.Globalization;

namespace Payouts.Console.Components.Shared;

/// <summary>How the console writes times: UTC to the second.</summary>
public static class Dates
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? at) => at is { } value ? Format(value) : "—";
}
