using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// Signing in and out of the console in a real browser, against the platform started through the AppHost: a session
/// is the platform token's, ends with it, and never shows it.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class ConsoleSignInTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_company_user_signs_in_sees_the_companys_batches_never_the_token_and_signs_out()
    {
        var company = $"co-{Guid.NewGuid():N}"[..24];
        var member = fixture.Tokens.CompanyUser("7001", company);
        var reference = await CreateDraftBatchAsync(member, company);

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(A_company_user_signs_in_sees_the_companys_batches_never_the_token_and_signs_out), async page =>
        {
            await page.SignInAsync(member, "/batches");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payout batches" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("draft");
            Assert.DoesNotContain(member.Parameter!, await page.ContentAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
            await page.GotoAsync("/batches");
            await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fbatches$"));
        });
    }

    [Fact]
    public async Task A_token_the_platform_does_not_accept_is_refused_in_words_and_an_expired_session_returns_to_sign_in()
    {
        var company = $"co-{Guid.NewGuid():N}"[..24];
        var signingKey = fixture.Platform.SigningKey;
        var stale = new LocalTokenIssuer(new AuthSettings(signingKey), PastClock(TimeSpan.FromHours(2)))
            .Issue(new AuthTokenRequest("7002", [PayoutsRoles.User], company, TimeSpan.FromHours(1)));
        // Long enough to sign in on a busy machine, short enough to wait out.
        var shortLifetime = TimeSpan.FromSeconds(40);
        var shortLivedUntil = DateTimeOffset.UtcNow + shortLifetime;
        var shortLived = new LocalTokenIssuer(new AuthSettings(signingKey))
            .Issue(new AuthTokenRequest("7002", [PayoutsRoles.User], company, shortLifetime));

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(A_token_the_platform_does_not_accept_is_refused_in_words_and_an_expired_session_returns_to_sign_in), async page =>
        {
            await page.GotoAsync("/signin");
            await page.GetByLabel("Platform token").FillAsync("not-a-token");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The token is not one this platform accepts.");
            await Expect(page.GetByLabel("Platform token")).ToBeEmptyAsync();

            await page.GetByLabel("Platform token").FillAsync(stale);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The token has expired: mint a new one.");

            await page.SignInAsync(new AuthenticationHeaderValue("Bearer", shortLived), "/batches");
            var untilExpired = shortLivedUntil - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            if (untilExpired > TimeSpan.Zero) await Task.Delay(untilExpired);
            await page.GotoAsync("/batches");
            await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fbatches$"));
        });
    }

    private async Task<string> CreateDraftBatchAsync(AuthenticationHeaderValue member, string company)
    {
        using var gateway = new GatewayClient(fixture.Platform);
        await CompanyWallets.FundAsync(gateway, fixture.Tokens.Admin("1"), member, company, 100m, "USD");
        var reference = $"CON-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var created = await gateway.PostAsync("/v1/payouts/batch", member, new
        {
            payment_reference = reference,
            payees = new[] { new { email = "payee@example.com", amount = 12.5m, memo = "Console test" } },
        });
        Assert.True(created.IsOk, created.Raw);
        return reference;
    }

    private static TestClock PastClock(TimeSpan ago)
    {
        var clock = new TestClock();
        clock.Advance(-ago);
        return clock;
    }
}
