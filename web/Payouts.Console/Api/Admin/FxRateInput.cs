using System.Globalization;

namespace Payouts.Console.Api.Admin;

/// <summary>A pair's rate as the admin will set it: codes upper-cased, numbers parsed.</summary>
public sealed record FxRateSetting(string BaseCurrency, string QuoteCurrency, decimal Rate, decimal ProcessingFee, bool Enabled);

/// <summary>
/// What an admin typed to set an FX rate. It refuses here what the API would refuse anyway (PayoutService
/// <c>FxRateEndpoints</c> and <c>Domain/Fx/FxRate</c>): codes that are not three letters, a pair of one currency, a
/// rate not above zero, past the column's size or with more than 8 decimals, a negative fee. Which currencies are
/// supported, and how many decimals a fee may have in the quote currency, only the API knows: it answers in words.
/// </summary>
public sealed record FxRateInput(string? BaseCurrency, string? QuoteCurrency, string? Rate, string? ProcessingFee, bool Enabled)
{
    /// <summary>The API's limits (numeric(19,8) rate, numeric(19,4) fee).</summary>
    public const int RateDecimals = 8;
    public const decimal MaxRate = 99_999_999_999m;
    public const decimal MaxProcessingFee = 999_999_999_999_999m;

    private const NumberStyles PlainDecimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static FxRateInput Of(FxRate rate) => new(rate.BaseCurrency, rate.QuoteCurrency, Text(rate.Rate), Text(rate.ProcessingFee), rate.Enabled);

    /// <summary>A rate or fee as an admin types it: no trailing zeros (the API may write a fee as 50.00).</summary>
    public static string Text(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>What is wrong, by field (<c>base</c>, <c>quote</c>, <c>rate</c>, <c>fee</c>); empty when the setting can be sent.</summary>
    public IReadOnlyDictionary<string, string> Problems
    {
        get
        {
            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            var (from, to) = (Code(BaseCurrency), Code(QuoteCurrency));
            if (CodeProblem(from, "base") is { } b) problems["base"] = b;
            if (CodeProblem(to, "quote") is { } q) problems["quote"] = q;
            else if (from == to) problems["quote"] = "The quote currency must differ from the base currency.";
            if (RateProblem(Rate) is { } r) problems["rate"] = r;
            if (FeeProblem(ProcessingFee) is { } f) problems["fee"] = f;
            return problems;
        }
    }

    /// <summary>The setting to send; null while there are <see cref="Problems"/>.</summary>
    public FxRateSetting? Setting => Problems.Count > 0 ? null
        : new FxRateSetting(Code(BaseCurrency), Code(QuoteCurrency), Number(Rate)!.Value, Number(ProcessingFee)!.Value, Enabled);

    private static string Code(string? text) => (text ?? "").Trim().ToUpperInvariant();

    private static string? CodeProblem(string code, string which) =>
        code.Length == 0 ? $"The {which} currency is required."
        : code.Length != 3 || !code.All(char.IsAsciiLetterUpper) ? $"The {which} currency must be a three-letter ISO 4217 code, e.g. USD."
        : null;

    private static string? RateProblem(string? text) => Number(text) switch
    {
        _ when string.IsNullOrWhiteSpace(text) => "The rate is required.",
        null => "The rate must be a plain decimal number, e.g. 1500.25.",
        <= 0 => "The rate must be greater than zero.",
        > MaxRate => $"The rate must be at most {MaxRate.ToString(CultureInfo.InvariantCulture)}.",
        { } rate when decimal.Round(rate, RateDecimals) != rate => $"The rate must have at most {RateDecimals} decimal places.",
        _ => null,
    };

    private static string? FeeProblem(string? text) => Number(text) switch
    {
        _ when string.IsNullOrWhiteSpace(text) => "The processing fee is required (0 for none).",
        null => "The processing fee must be a plain decimal number, e.g. 50.",
        < 0 => "The processing fee must not be negative.",
        > MaxProcessingFee => $"The processing fee must be at most {MaxProcessingFee.ToString(CultureInfo.InvariantCulture)}.",
        _ => null,
    };

    private static decimal? Number(string? text) =>
        decimal.TryParse(text?.Trim(), PlainDecimal, CultureInfo.InvariantCulture, out var value) ? value : null;
}
