namespace Payouts.PayoutService.Domain.Fx;

/// <summary>
/// A configured conversion for payouts that settle in another currency than the balance they draw on: one unit of
/// <see cref="BaseCurrency"/> is <see cref="Rate"/> units of <see cref="QuoteCurrency"/>, and the settlement pays
/// <see cref="ProcessingFee"/> (in the quote currency) per payout. Configuration rows (seeded by migration), not code.
/// </summary>
public sealed class FxRate
{
    public int Id { get; set; }
    public required string BaseCurrency { get; set; }
    public required string QuoteCurrency { get; set; }
    public decimal Rate { get; set; }
    public decimal ProcessingFee { get; set; }
    public bool Enabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The admin who last set the rate; null for the migration's seeded defaults.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>Decimal places a rate may have (the column is numeric(19,8)).</summary>
    public const int RateDecimals = 8;

    /// <summary>The largest rate the column holds (11 integer digits).</summary>
    public const decimal MaxRate = 99_999_999_999m;

    /// <summary>The largest processing fee (numeric(19,4), like every money column).</summary>
    public const decimal MaxProcessingFee = 999_999_999_999_999m;

    /// <summary>Null when <paramref name="rate"/> can be configured, else the reason.</summary>
    public static string? RateProblem(decimal rate) =>
        rate <= 0 ? "The rate must be greater than zero."
        : rate > MaxRate ? $"The rate must be at most {MaxRate}."
        : decimal.Round(rate, RateDecimals) != rate ? $"The rate must have at most {RateDecimals} decimal places."
        : null;

    /// <summary>Null when <paramref name="fee"/> can be charged in <paramref name="quoteCurrency"/>, else the reason.</summary>
    public static string? ProcessingFeeProblem(decimal fee, string quoteCurrency) =>
        fee < 0 ? "The processing fee must not be negative."
        : fee > MaxProcessingFee ? $"The processing fee must be at most {MaxProcessingFee}."
        : !Currencies.FitsMinorUnits(fee, quoteCurrency) ? $"The processing fee must have at most {Currencies.MinorUnitsOf(quoteCurrency)} decimal places for {quoteCurrency}."
        : null;

    /// <summary>
    /// Converts <paramref name="amount"/> (base currency): the settlement amount is rounded to the quote currency's minor
    /// unit (half away from zero, like fees), then the processing fee comes off it.
    /// </summary>
    public FxQuote Quote(decimal amount)
    {
        var settlementAmount = Currencies.Round(amount * Rate, QuoteCurrency);
        var fee = Currencies.Round(ProcessingFee, QuoteCurrency);
        return new FxQuote(QuoteCurrency, Rate, settlementAmount, fee, settlementAmount - fee);
    }
}

/// <summary>A rate locked on a payout at request time and what it gives in the settlement currency.</summary>
public sealed record FxQuote(string SettlementCurrency, decimal Rate, decimal SettlementAmount, decimal ProcessingFee, decimal NetSettlementAmount)
{
    /// <summary>False when the processing fee takes all of the converted amount.</summary>
    public bool PaysSomething => NetSettlementAmount > 0;
}
