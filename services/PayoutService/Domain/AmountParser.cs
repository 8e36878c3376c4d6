using System.Globalization;

namespace Payouts.PayoutService.Domain;

/// <summary>Parses a money amount as sent by a client: plain decimal text only (no exponent, grouping or symbols).</summary>
public static class AmountParser
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Null when <paramref name="text"/> is a valid amount for <paramref name="currency"/>, else the reason.</summary>
    public static string? Validate(string? text, string currency, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
            return "The amount field is required.";
        if (!decimal.TryParse(text.Trim(), Style, CultureInfo.InvariantCulture, out amount))
            return "Amount must be a number";
        if (amount <= 0)
            return "Amount must be greater than zero";
        if (!Currencies.FitsMinorUnits(amount, currency))
            return $"Amount must have at most {Currencies.MinorUnitsOf(currency)} decimal places for {currency}";
        return null;
    }
}
