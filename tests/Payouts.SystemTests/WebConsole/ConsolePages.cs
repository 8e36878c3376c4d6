using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>What every console test does first: sign in as someone.</summary>
public static partial class ConsolePages
{
    /// <summary>Signs in on the development sign-in page with <paramref name="token"/> and waits to land on <paramref name="path"/>.</summary>
    public static async Task SignInAsync(this IPage page, AuthenticationHeaderValue token, string path = "/")
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.GetByLabel("Platform token").FillAsync(token.Parameter!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        // Interactive once the circuit is up: the app bar shows who is signed in.
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/signin")]
    public static partial Regex SignInUrl();
}
