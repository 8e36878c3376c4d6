using Payouts.BankAccountService.Domain.Validation;

namespace Payouts.BankAccountService.Domain;

/// <summary>The countries the platform pays bank accounts in, by ISO 3166 alpha-2 code, and their payout currency.</summary>
public static class Countries
{
    private static readonly Dictionary<string, string> NamesToCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["United States"] = "US", ["USA"] = "US", ["Nigeria"] = "NG", ["United Kingdom"] = "GB", ["Germany"] = "DE",
        ["France"] = "FR", ["Spain"] = "ES", ["Italy"] = "IT", ["Netherlands"] = "NL", ["Ireland"] = "IE",
    };

    /// <summary>The alpha-2 code for a code or a common English name (seed 002 writes "Nigeria"); null when unknown.</summary>
    public static string? ToCode(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        var trimmed = country.Trim();
        if (NamesToCodes.TryGetValue(trimmed, out var code))
        {
            return code;
        }

        var upper = trimmed.ToUpperInvariant();
        return IsSupported(upper) ? upper : null;
    }

    public static bool IsSupported(string code) => code is "US" or "NG" || Iban.IsIbanCountry(code);

    public static string DefaultCurrency(string code) => code switch
    {
        "US" => "USD",
        "NG" => "NGN",
        "GB" => "GBP",
        "CH" => "CHF",
        "DK" => "DKK",
        "NO" => "NOK",
        "PL" => "PLN",
        "SE" => "SEK",
        _ => "EUR",
    };
}
