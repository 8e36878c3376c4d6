using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Json;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>Each family's timestamps and money as the seeds write them (Payouts.ServiceDefaults/Json).</summary>
public sealed class FamilyJsonTests
{
    private sealed record Stamped(DateTimeOffset CreatedAt, DateTimeOffset? ProcessedAt);

    private sealed record Priced(decimal Amount, decimal? Fees, [property: Rate] decimal ExchangeRate, [property: Rate] decimal? PercentageFee);

    [Theory]
    [InlineData(ApiFamily.App, """{"created_at":"2024-08-01T10:00:00Z","processed_at":null}""")]
    [InlineData(ApiFamily.Admin, """{"createdAt":"2024-08-01T10:00:00Z","processedAt":null}""")]
    [InlineData(ApiFamily.Billing, """{"created_at":"2024-08-01T10:00:00Z","processed_at":null}""")]
    [InlineData(ApiFamily.Bulk, """{"created_at":"2024-08-01T10:00:00Z","processed_at":null}""")]
    public void Seeds_000_and_004_write_utc_seconds_with_a_z(ApiFamily family, string expected) =>
        // An offset and fractions as the database gives them back: shown in UTC, to the second.
        Assert.Equal(expected, FamilyJson.Serialize(new Stamped(new DateTimeOffset(2024, 8, 1, 11, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567), null), family));

    [Fact]
    public void Seed_002_writes_utc_microseconds_with_a_z()
    {
        var at = new DateTimeOffset(2024, 5, 30, 20, 53, 30, TimeSpan.Zero);

        Assert.Equal("""{"created_at":"2024-05-30T20:53:30.000000Z","processed_at":"2024-05-30T20:53:30.123456Z"}""",
            FamilyJson.Serialize(new Stamped(at, at.AddTicks(1234567)), ApiFamily.SinglePayout));
    }

    [Theory]
    [InlineData("500.0000", "500")]
    [InlineData("100.5000", "100.50")]
    [InlineData("100.50", "100.50")]
    [InlineData("0.0100", "0.01")]
    [InlineData("1.2340", "1.234")]
    [InlineData("-25.5", "-25.50")]
    [InlineData("149950.0000", "149950")]
    public void Money_is_whole_without_decimals_else_with_at_least_two(string stored, string written)
    {
        var amount = decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(written, Money.Format(amount));
        foreach (var family in Enum.GetValues<ApiFamily>())
        {
            Assert.Contains($":{written},", FamilyJson.Serialize(new Priced(amount, amount, 1m, null), family));
        }
    }

    [Fact]
    public void Rates_keep_their_digits_and_nulls_stay_null()
    {
        Assert.Equal("""{"amount":500,"fees":null,"exchange_rate":1499.5,"percentage_fee":0.0125}""",
            FamilyJson.Serialize(new Priced(500.0000m, null, 1499.5000m, 0.01250m), ApiFamily.App));
        Assert.Equal("""{"amount":100.50,"fees":2,"exchangeRate":1499.5,"percentageFee":null}""",
            FamilyJson.Serialize(new Priced(100.5m, 2.00m, 1499.5m, null), ApiFamily.Admin));
    }
}
