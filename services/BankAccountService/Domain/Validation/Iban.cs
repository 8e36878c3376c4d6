using System.Collections.Frozen;

namespace Payouts.BankAccountService.Domain.Validation;

/// <summary>IBANs (ISO 13616): the country's length, then mod-97 of the rearranged number equals 1.</summary>
public static class Iban
{
    /// <summary>IBAN lengths of the countries the platform pays to by IBAN.</summary>
    public static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AT"] = 20, ["BE"] = 16, ["CH"] = 21, ["DE"] = 22, ["DK"] = 18, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["IE"] = 22, ["IT"] = 27, ["LU"] = 20, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["SE"] = 24,
    }.ToFrozenDictionary();

    public static bool IsIbanCountry(string country) => Lengths.ContainsKey(country);

    /// <summary>Upper case without spaces, the form IBANs are stored and compared in.</summary>
    public static string Normalize(string value) => value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValid(string? value, string country)
    {
        if (value is null || !Lengths.TryGetValue(country, out var length))
        {
            return false;
        }

        var iban = Normalize(value);
        if (iban.Length != length || !iban.StartsWith(country, StringComparison.Ordinal)
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        // Rearranged (first four characters last), letters as 10..35, computed digit by digit to stay in an int.
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value36 = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value36 >= 10 ? (remainder * 100 + value36) % 97 : (remainder * 10 + value36) % 97;
        }

        return remainder == 1;
    }
}
