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
