using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payouts.ServiceDefaults.Authentication;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// Production sign-in: the platform trusts an external OpenID Connect issuer, the console signs people in through it
/// (code flow with PKCE) and calls the gateway with the access token it returned; the dev key is trusted nowhere.
/// </summary>
public sealed class ConsoleOidcSignInTests(OidcPlatformFixture fixture, ConsoleBrowser browser)
    : IClassFixture<OidcPlatformFixture>, IClassFixture<ConsoleBrowser>
{
    private const string SignInWithProvider = "Sign in with your organisation's account";

    [Fact]
    public async Task A_company_user_and_an_admin_sign_in_through_the_identity_provider_and_the_dev_key_is_trusted_nowhere()
    {
        var provider = fixture.Provider;
        var company = $"co-{Guid.NewGuid():N}"[..24];
        provider.AddAccount("ada", "8101", PayoutsRoles.Admin);
        provider.AddAccount("cleo", "8102", PayoutsRoles.User, company);
        var admin = Bearer(provider.AccessTokenFor("ada"));
        var member = Bearer(provider.AccessTokenFor("cleo"));

        using var gateway = new GatewayClient(fixture.Platform);
        var devKeyAdmin = new Tokens(fixture.Platform.SigningKey).Admin("8101");
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.GetAsync("/api/admin/payouts/daily?days=30", devKeyAdmin)).Status);
        var reference = await CreateDraftBatchAsync(gateway, admin, member, company);

        await browser.RunAsync(fixture.Platform.ConsoleUrl, "oidc-company-user", async page =>
        {
            // A page that needs a session goes straight to the provider, and comes back to that page.
            await page.GotoAsync("/batches");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
            await page.GetByLabel("Username").FillAsync("nobody");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("No such account.");
            await page.GetByLabel("Username").FillAsync("cleo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/batches$"));
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("draft");
            var session = Assert.Single(provider.RedeemedAccessTokens);
            Assert.DoesNotContain(session, await page.ContentAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
            await page.GotoAsync("/batches");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
        });

        await browser.RunAsync(fixture.Platform.ConsoleUrl, "oidc-admin", async page =>
        {
            // The sign-in page offers the provider, never a pasted token.
            await page.GotoAsync("/signin?returnUrl=%2F");
            await Expect(page.GetByLabel("Platform token")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = SignInWithProvider }).ClickAsync();
            await page.GetByLabel("Username").FillAsync("ada");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            // The admin home's charts come from the admin API: the gateway took the provider's token as an admin's.
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The last 30 days (USD, UTC)" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("per-day-totals")).ToContainTextAsync("payouts requested");
        });

        Assert.Equal(2, provider.RedeemedAccessTokens.Count);
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static async Task<string> CreateDraftBatchAsync(GatewayClient gateway, AuthenticationHeaderValue admin, AuthenticationHeaderValue member, string company)
    {
        await CompanyWallets.FundAsync(gateway, admin, member, company, 100m, "USD");
        var reference = $"OIDC-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var created = await gateway.PostAsync("/v1/payouts/batch", member, new
        {
            payment_reference = reference,
            payees = new[] { new { email = "payee@example.com", amount = 12.5m, memo = "Signed in through OIDC" } },
        });
        Assert.True(created.IsOk, created.Raw);
        return reference;
    }
}
