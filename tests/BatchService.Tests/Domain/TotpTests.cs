using System.Text;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Tests.Domain;

public sealed class TotpTests
{
    /// <summary>RFC 6238 Appendix B's SHA-1 seed: the ASCII of "12345678901234567890".</summary>
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_match_the_RFC_6238_Appendix_B_SHA1_vectors(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.CodeAt(RfcSecret, step, digits: 8));
    }

    [Theory]
    [InlineData(0L, "755224")]
    [InlineData(1L, "287082")]
    [InlineData(2L, "359152")]
    [InlineData(3L, "969429")]
    [InlineData(4L, "338314")]
    [InlineData(5L, "254676")]
    [InlineData(6L, "287922")]
    [InlineData(7L, "162583")]
    [InlineData(8L, "399871")]
    [InlineData(9L, "520489")]
    public void Six_digit_codes_match_the_RFC_4226_Appendix_D_vectors(long counter, string expected) =>
        Assert.Equal(expected, Totp.CodeAt(RfcSecret, counter));

    [Fact]
    public void A_code_is_taken_one_step_either_side_of_now_and_not_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step - 1), now, lastUsedStep: null));
        Assert.Equal(step, Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step), now, lastUsedStep: null));
        Assert.Equal(step + 1, Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step + 1), now, lastUsedStep: null));
        Assert.Null(Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step - 2), now, lastUsedStep: null));
        Assert.Null(Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step + 2), now, lastUsedStep: null));
    }

    [Fact]
    public void A_used_step_and_every_earlier_one_are_refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Null(Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step), now, lastUsedStep: step));
        Assert.Null(Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step - 1), now, lastUsedStep: step));
        Assert.Equal(step + 1, Totp.MatchingStep(RfcSecret, Totp.CodeAt(RfcSecret, step + 1), now, lastUsedStep: step));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void Anything_but_six_ASCII_digits_matches_nothing(string code) =>
        Assert.Null(Totp.MatchingStep(RfcSecret, code, DateTimeOffset.UtcNow, lastUsedStep: null));

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_matches_the_RFC_4648_vectors_without_padding(string data, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(data)));
}
