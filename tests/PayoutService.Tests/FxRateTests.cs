using Payouts.PayoutService.Domain.Fx;

namespace Payouts.PayoutService.Tests;

/// <summary>Conversion and rounding of a locked rate (domain only, no infrastructure).</summary>
public sealed class FxRateTests
{
    private static FxRate Rate(string from, string to, decimal rate, decimal fee) =>
        new() { BaseCurrency = from, QuoteCurrency = to, Rate = rate, ProcessingFee = fee, Enabled = true };

    [Fact]
    public void Seed_004_example_100_USD_at_1500_with_a_50_NGN_fee()
    {
        var quote = Rate("USD", "NGN", 1500m, 50m).Quote(100m);

        Assert.Equal(new FxQuote("NGN", 1500m, 150000m, 50m, 149950m), quote);
        Assert.True(quote.PaysSomething);
    }

    [Theory]
    // Rounded to the settlement currency's minor unit, half away from zero (banker's rounding would give 0.00 and 150).
    [InlineData("USD", "EUR", "0.005", "1", "0.01")]
    [InlineData("USD", "EUR", "0.925", "10.01", "9.26")]
    [InlineData("USD", "JPY", "150.5", "1", "151")]
    [InlineData("USD", "JPY", "150.255", "10.01", "1504")]
    [InlineData("USD", "NGN", "1523.456", "10.01", "15249.79")]
    public void Settlement_amounts_round_to_the_settlement_currencys_minor_unit(string from, string to, string rate, string amount, string expected)
    {
        var quote = Rate(from, to, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), 0m)
            .Quote(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.SettlementAmount);
        Assert.Equal(quote.SettlementAmount, quote.NetSettlementAmount);
    }

    [Fact]
    public void The_processing_fee_is_rounded_in_the_settlement_currency_and_comes_off_the_converted_amount()
    {
        var yen = Rate("USD", "JPY", 150m, 99.5m).Quote(10m);
        Assert.Equal((1500m, 100m, 1400m), (yen.SettlementAmount, yen.ProcessingFee, yen.NetSettlementAmount));

        var naira = Rate("USD", "NGN", 1500m, 50.005m).Quote(1m);
        Assert.Equal((1500m, 50.01m, 1449.99m), (naira.SettlementAmount, naira.ProcessingFee, naira.NetSettlementAmount));
    }

    [Fact]
    public void A_fee_that_takes_the_whole_converted_amount_pays_nothing()
    {
        var quote = Rate("USD", "NGN", 1500m, 50m).Quote(0.03m);

        Assert.Equal(-5m, quote.NetSettlementAmount);
        Assert.False(quote.PaysSomething);
    }
}
