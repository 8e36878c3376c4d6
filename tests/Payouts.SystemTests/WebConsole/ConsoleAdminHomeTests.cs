using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>The admin home's pictures in a real browser: the last 30 days from the admin API, drawn and said in words.</summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class ConsoleAdminHomeTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task An_admin_sees_the_last_30_days_as_two_charts_with_the_apis_totals_and_a_user_sees_neither()
    {
        var admin = fixture.Tokens.Admin("7101");
        using var gateway = new GatewayClient(fixture.Platform);
        var figures = await gateway.GetAsync("/api/admin/payouts/daily?days=30", admin);
        Assert.True(figures.IsOk, figures.Raw);
        var requested = figures.Body.GetProperty("data").GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("requested").GetInt32());

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_sees_the_last_30_days_as_two_charts_with_the_apis_totals_and_a_user_sees_neither), async page =>
        {
            await page.SignInAsync(admin);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The last 30 days (USD, UTC)" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("per-day-totals")).ToContainTextAsync($"{requested} payouts requested");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payouts requested per day, by status now" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amount paid per day" })).ToBeVisibleAsync();
            Assert.True(await page.Locator("section svg").CountAsync() >= 2, "two charts drawn");
        });

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_sees_the_last_30_days_as_two_charts_with_the_apis_totals_and_a_user_sees_neither) + "-user", async page =>
        {
            await page.SignInAsync(fixture.Tokens.User("7102"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payouts console", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("per-day-totals")).ToHaveCountAsync(0);
        });
    }
}
