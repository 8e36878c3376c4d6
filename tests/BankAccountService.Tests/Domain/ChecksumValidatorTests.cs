using Payouts.Contracts;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.BankAccountService.Domain.Validation;

namespace Payouts.BankAccountService.Tests.Domain;

public sealed class ChecksumValidatorTests
{
    [Theory]
    [InlineData("021000021")] // JPMorgan Chase, seed 000's example
    [InlineData("011000015")] // Federal Reserve Bank of Boston
    [InlineData("121000358")] // Bank of America, California
    [InlineData("026009593")] // Bank of America, New York
    public void Known_ABA_routing_numbers_pass(string routing) => Assert.True(AbaRoutingNumber.IsValid(routing));

    [Theory]
    [InlineData("021000022")] // one digit off
    [InlineData("12100035")] // eight digits
    [InlineData("1210003580")] // ten digits
    [InlineData("12100035a")]
    [InlineData("000000000")] // passes the arithmetic, is no bank
    [InlineData("")]
    [InlineData(null)]
    public void Broken_ABA_routing_numbers_fail(string? routing) => Assert.False(AbaRoutingNumber.IsValid(routing));

    [Theory]
    [InlineData("1234", true)]
    [InlineData("12345678901234567", true)]
    [InlineData("123", false)]
    [InlineData("123456789012345678", false)]
    [InlineData("12345a", false)]
    public void US_account_numbers_are_4_to_17_digits(string account, bool valid) => Assert.Equal(valid, UsAccountNumber.IsValid(account));

    [Theory]
    [InlineData("011", "0000014579")] // the CBN's published example
    [InlineData("058", "0123456785")]
    public void Known_NUBANs_pass(string bankCode, string account)
    {
        // The weights 3, 7, 3 repeating over bank code and serial, recomputed here independently of the validator.
        var digits = bankCode + account[..9];
        int[] weights = [3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3];
        var sum = digits.Select((c, i) => (c - '0') * weights[i]).Sum();
        Assert.Equal((10 - sum % 10) % 10, account[9] - '0');
        Assert.True(Nuban.IsValid(bankCode, account));
    }

    [Theory]
    [InlineData("011", "0000014578")] // wrong check digit
    [InlineData("011", "000001457")] // nine digits
    [InlineData("11", "0000014579")] // two-digit bank code
    [InlineData("0a1", "0000014579")]
    public void Broken_NUBANs_fail(string bankCode, string account) => Assert.False(Nuban.IsValid(bankCode, account));

    [Theory]
    [InlineData("GB82WEST12345698765432", "GB")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB")]
    [InlineData("DE89370400440532013000", "DE")]
    [InlineData("NL91ABNA0417164300", "NL")]
    [InlineData("FR1420041010050500013M02606", "FR")]
    public void Known_IBANs_pass(string iban, string country) => Assert.True(Iban.IsValid(iban, country));

    [Theory]
    [InlineData("GB82WEST12345698765431", "GB")] // mod-97 fails
    [InlineData("GB82WEST1234569876543", "GB")] // too short for GB
    [InlineData("DE89370400440532013000", "GB")] // another country's IBAN
    [InlineData("GB82WEST12345698765432", "US")] // not an IBAN country
    public void Broken_IBANs_fail(string iban, string country) => Assert.False(Iban.IsValid(iban, country));

    [Fact]
    public void A_destination_is_validated_by_its_country_with_the_seed_wording()
    {
        var errors = new FieldErrors();
        Assert.Null(BankDestination.Create(null, null, "1234567890", "021000022", null, errors));
        Assert.Equal(["Invalid routing number"], errors.ToDictionary()["routing_number"]);

        errors = new FieldErrors();
        Assert.Null(BankDestination.Create("US", null, "12", "021000021", null, errors));
        Assert.Equal(["Invalid bank account number"], errors.ToDictionary()["account_number"]);

        errors = new FieldErrors();
        var nigerian = BankDestination.Create("Nigeria", null, "0000014579", null, "011", errors);
        Assert.Equal(new BankDestination("NG", "NGN", "0000014579", null, "011"), nigerian);

        errors = new FieldErrors();
        var german = BankDestination.Create("DE", null, "de89 3704 0044 0532 0130 00", null, null, errors);
        Assert.Equal(new BankDestination("DE", "EUR", "DE89370400440532013000", null, null), german);

        errors = new FieldErrors();
        Assert.Null(BankDestination.Create("Atlantis", null, "1234", null, null, errors));
        Assert.True(errors.Has("country"));
    }

    [Theory]
    [InlineData("1234567890", "****7890")]
    [InlineData("021000021", "****0021")]
    [InlineData("12345", "****45")] // short numbers never show whole
    public void Masks_show_only_the_tail(string number, string masked) => Assert.Equal(masked, AccountNumberMask.Mask(number));
}
