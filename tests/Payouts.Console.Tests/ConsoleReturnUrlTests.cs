using Payouts.Console.Authentication;

namespace Payouts.Console.Tests;

/// <summary>After sign-in the browser goes back where it was, and never to another site.</summary>
public sealed class ConsoleReturnUrlTests
{
    [Theory]
    [InlineData("/batches", "/batches")]
    [InlineData("/batches/3f2a?tab=recipients", "/batches/3f2a?tab=recipients")]
    [InlineData("/", "/")]
    public void A_path_of_the_console_is_kept(string returnUrl, string expected) => Assert.Equal(expected, ConsoleReturnUrl.Safe(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("batches")]
    [InlineData("/signin?returnUrl=%2F")]
    public void Anything_else_goes_home(string? returnUrl) => Assert.Equal("/", ConsoleReturnUrl.Safe(returnUrl));
}
