using Payouts.Console.Components.Shared;

namespace Payouts.Console.Tests;

/// <summary>A 2FA code field sends six ASCII digits and nothing else.</summary>
public sealed class TwoFactorCodeTests
{
    [Theory]
    [InlineData("123456")]
    [InlineData("012345")]
    [InlineData(" 654321 ")]
    public void Six_digits_are_accepted(string code) => Assert.Null(TwoFactorCode.Check(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("123 456")]
    [InlineData("１２３４５６")]
    public void Anything_else_is_refused_in_words(string? code) => Assert.Equal(TwoFactorCode.Problem, TwoFactorCode.Check(code));
}
