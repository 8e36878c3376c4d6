using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payouts.ServiceDefaults.Authentication;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// A session that ends while a form is open sends the browser to sign-in, and after signing in again the user is back
/// on the page with the form as they left it (issue: "without losing the form the user was filling").
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class ConsoleSessionExpiryTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private const string Reason = "Account closed by the bank";

    [Fact]
    public async Task A_session_that_ends_while_a_rejection_is_typed_returns_after_sign_in_to_the_dialog_with_its_reason()
    {
        var payout = (await PendingPayouts.RequestAsync(fixture.Platform, 500m, 100m))[0];
        // Long enough to sign in and type on a busy machine, short enough to wait out.
        var lifetime = TimeSpan.FromSeconds(40);
        var until = DateTimeOffset.UtcNow + lifetime;
        var shortLived = new LocalTokenIssuer(new AuthSettings(fixture.Platform.SigningKey))
            .Issue(new AuthTokenRequest("1", [PayoutsRoles.Admin], null, lifetime));
        var path = $"/admin/payouts/{payout.Id}";

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(A_session_that_ends_while_a_rejection_is_typed_returns_after_sign_in_to_the_dialog_with_its_reason), async page =>
        {
            await page.SignInAsync(new AuthenticationHeaderValue("Bearer", shortLived), path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync(Reason);

            // The open page notices the ended session by itself (its periodic check), with nothing clicked.
            var untilChecked = until - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(45);
            await Expect(page).ToHaveURLAsync(new Regex($"/signin\\?returnUrl={Regex.Escape(Uri.EscapeDataString(path))}$"),
                new() { Timeout = (float)untilChecked.TotalMilliseconds });

            await page.GetByLabel("Platform token").FillAsync(fixture.Tokens.Admin("1").Parameter!);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
            await page.WaitUntilInteractiveAsync();
            var reject = page.GetByRole(AriaRole.Dialog);
            await Expect(reject.GetByLabel("Reason")).ToHaveValueAsync(Reason);
            await reject.GetByRole(AriaRole.Button, new() { Name = "Reject payout" }).ClickAsync();

            await Expect(page.GetByTestId("action-outcome")).ToHaveTextAsync("Payout rejected successfully");
            await Expect(page.GetByText($"reason: {Reason}")).ToBeVisibleAsync();

            // Sent, so forgotten: the page opens without the dialog from now on.
            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByTestId("payout-status")).ToHaveTextAsync("rejected");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        });

        // The platform's own record agrees: rejected with the reason typed before the session ended.
        using var gateway = new GatewayClient(fixture.Platform);
        var recorded = await gateway.GetAsync($"/api/admin/payouts/{payout.Id}", fixture.Tokens.Admin("1"));
        Assert.True(recorded.IsOk, recorded.Raw);
        var data = recorded.Body.GetProperty("data");
        Assert.Equal("rejected", data.GetProperty("status").GetString());
        Assert.Equal(Reason, data.GetProperty("rejectionReason").GetString());
    }
}
