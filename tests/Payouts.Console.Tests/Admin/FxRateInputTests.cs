using Payouts.Console.Api.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>The FX form refuses what the API would refuse anyway, by field, and sends codes upper-cased and numbers parsed.</summary>
public sealed class FxRateInputTests
{
    [Theory]
    [InlineData("", "NGN", "1500", "50", "base", "The base currency is required.")]
    [InlineData("US", "NGN", "1500", "50", "base", "The base currency must be a three-letter ISO 4217 code, e.g. USD.")]
    [InlineData("USD", "N1N", "1500", "50", "quote", "The quote currency must be a three-letter ISO 4217 code, e.g. USD.")]
    [InlineData("usd", "USD", "1", "0", "quote", "The quote currency must differ from the base currency.")]
    [InlineData("USD", "NGN", "", "50", "rate", "The rate is required.")]
    [InlineData("USD", "NGN", "0", "50", "rate", "The rate must be greater than zero.")]
    [InlineData("USD", "NGN", "-1500", "50", "rate", "The rate must be greater than zero.")]
    [InlineData("USD", "NGN", "1e3", "50", "rate", "The rate must be a plain decimal number, e.g. 1500.25.")]
    [InlineData("USD", "NGN", "1,500", "50", "rate", "The rate must be a plain decimal number, e.g. 1500.25.")]
    [InlineData("USD", "NGN", "5.123456789", "50", "rate", "The rate must have at most 8 decimal places.")]
    [InlineData("USD", "NGN", "100000000000", "50", "rate", "The rate must be at most 99999999999.")]
    [InlineData("USD", "NGN", "1500", "", "fee", "The processing fee is required (0 for none).")]
    [InlineData("USD", "NGN", "1500", "-1", "fee", "The processing fee must not be negative.")]
    [InlineData("USD", "NGN", "1500", "ten", "fee", "The processing fee must be a plain decimal number, e.g. 50.")]
    public void What_the_api_would_refuse_is_refused_by_field(string from, string to, string rate, string fee, string field, string problem)
    {
        var input = new FxRateInput(from, to, rate, fee, Enabled: true);
        Assert.Equal(problem, Assert.Contains(field, input.Problems));
        Assert.Single(input.Problems);
        Assert.Null(input.Setting);
    }

    [Fact]
    public void A_good_rate_is_sent_upper_cased_and_parsed()
    {
        var input = new FxRateInput(" gbp ", "kes", " 160.12345678 ", "10.5", Enabled: false);
        Assert.Empty(input.Problems);
        Assert.Equal(new FxRateSetting("GBP", "KES", 160.12345678m, 10.5m, false), input.Setting);
    }

    [Fact]
    public void A_listed_rate_is_edited_as_typed_without_trailing_zeros()
    {
        var listed = new FxRate("USD", "NGN", 1500.50000000m, 50.00m, true, DateTimeOffset.UnixEpoch, null);
        Assert.Equal(new FxRateInput("USD", "NGN", "1500.5", "50", true), FxRateInput.Of(listed));
    }
}
