using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>What every console test does first: sign in as someone.</summary>
public static class ConsolePages
{
    /// <summary>Signs in on the development sign-in page with <paramref name="token"/> and waits to land on <paramref name="path"/>.</summary>
    public static async Task SignInAsync(this IPage page, AuthenticationHeaderValue token, string path = "/")
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.GetByLabel("Platform token").FillAsync(token.Parameter!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>
    /// Waits for the page's circuit: the prerendered page looks the same, but a click on it does nothing. Call it after
    /// every full page load (GotoAsync, a reload).
    /// </summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
}
