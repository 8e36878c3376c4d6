using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Payouts.Testing;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// A company user's side of the console in a real browser, against the platform started through the AppHost: a draft
/// batch made ready, 2FA enrolled on the page, a wrong code refused, the right one approving, and the batch followed to
/// <c>completed</c> without reloading; another company's batch is not found.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class CompanyConsoleTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private const string InvalidCode = "Invalid or expired 2FA code";

    /// <summary>Processing pays each recipient through the provider: longer than the page's usual wait on two busy cores.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions UntilPaid = new() { Timeout = 180_000 };

    [Fact]
    public async Task A_company_user_marks_a_batch_ready_enrolls_2fa_is_refused_a_wrong_code_approves_and_watches_it_complete()
    {
        var company = $"co-{Guid.NewGuid():N}"[..24];
        var member = fixture.Tokens.CompanyUser("7101", company);
        var (batchId, reference) = await CreateDraftBatchAsync(member, company);

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(A_company_user_marks_a_batch_ready_enrolls_2fa_is_refused_a_wrong_code_approves_and_watches_it_complete), async page =>
        {
            await page.SignInAsync(member, $"/batches/{batchId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Batch {reference}" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("batch-status")).ToHaveTextAsync("draft");
            await Expect(page.GetByTestId("recipient-status-counts")).ToContainTextAsync("3 pending");

            // Mark ready, confirmed in the dialog.
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark ready" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Mark ready" }).ClickAsync();
            await Expect(page.GetByTestId("batch-status")).ToHaveTextAsync("ready");

            // Enroll 2FA on the page: the secret is read from it as a person would type it into their app.
            await page.GetByRole(AriaRole.Link, new() { Name = "2FA" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Enroll" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Enroll" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of your new two-factor secret, to scan with an authenticator app" })).ToBeVisibleAsync();
            var app = TotpAuthenticator.FromBase32((await page.GetByTestId("totp-secret").TextContentAsync())!.Trim());
            var now = DateTimeOffset.UtcNow;
            await page.GetByLabel("2FA code").FillAsync(app.CodeAt(now));
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
            await Expect(page.GetByTestId("two-factor-enabled")).ToHaveTextAsync("Two-factor authentication is enabled");
            var confirmedStep = TotpAuthenticator.StepAt(now);

            await page.GotoAsync($"/batches/{batchId}");
            await Expect(page.GetByTestId("batch-status")).ToHaveTextAsync("ready");
            // Set after this load: still there at the end means the page never reloaded.
            await page.EvaluateAsync("() => window.__sameDocument = true");

            // A wrong code is refused in the seed's words, and the dialog stays for the next one.
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("2FA code").FillAsync(WrongCode(app));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync(InvalidCode);

            // The confirming code is spent: approve with the next step's.
            while (TotpAuthenticator.StepAt(DateTimeOffset.UtcNow) <= confirmedStep) await Task.Delay(TimeSpan.FromMilliseconds(500));
            await dialog.GetByLabel("2FA code").FillAsync(app.CodeAt(DateTimeOffset.UtcNow));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await Expect(page.GetByTestId("batch-status")).ToHaveTextAsync(new Regex("^(completed|failed)$"), UntilPaid);
            if (await page.GetByTestId("batch-status").TextContentAsync() != "completed")
                Assert.Fail($"The batch did not complete: {await AdminViewAsync(batchId)}");
            await Expect(page.GetByTestId("recipient-status-counts")).ToContainTextAsync("3 completed");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
            Assert.DoesNotContain(member.Parameter!, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Another_companys_batch_and_an_id_that_is_no_batch_show_not_found()
    {
        var owner = $"co-{Guid.NewGuid():N}"[..24];
        var (batchId, reference) = await CreateDraftBatchAsync(fixture.Tokens.CompanyUser("7102", owner), owner);
        var outsider = $"co-{Guid.NewGuid():N}"[..24];

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(Another_companys_batch_and_an_id_that_is_no_batch_show_not_found), async page =>
        {
            await page.SignInAsync(fixture.Tokens.CompanyUser("7103", outsider), $"/batches/{batchId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Batch not found" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Batch not found");
            Assert.DoesNotContain(reference, await page.ContentAsync(), StringComparison.Ordinal);

            await page.GotoAsync("/batches/not-a-batch");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Batch not found" })).ToBeVisibleAsync();
        });
    }

    /// <summary>A six-digit code that is none of the codes the service accepts now (the current step and its neighbours).</summary>
    private static string WrongCode(TotpAuthenticator app)
    {
        var step = TotpAuthenticator.StepAt(DateTimeOffset.UtcNow);
        var valid = Enumerable.Range(-2, 5).Select(d => app.CodeAtStep(step + d)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !valid.Contains(code));
    }

    /// <summary>Why a batch ended as it did, as an admin sees it: for the failure message.</summary>
    private async Task<string> AdminViewAsync(Guid batchId)
    {
        using var gateway = new GatewayClient(fixture.Platform);
        return (await gateway.GetAsync($"/v1/admin/batches/{batchId}", fixture.Tokens.Admin("1"))).Raw;
    }

    private async Task<(Guid Id, string Reference)> CreateDraftBatchAsync(AuthenticationHeaderValue member, string company)
    {
        using var gateway = new GatewayClient(fixture.Platform);
        await CompanyWallets.FundAsync(gateway, fixture.Tokens.Admin("1"), member, company, 1_000m, "USD");
        var reference = $"CCT-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var run = Guid.NewGuid().ToString("N")[..8];
        var created = await gateway.PostAsync("/v1/payouts/batch", member, new
        {
            payment_reference = reference,
            payees = Enumerable.Range(1, 3).Select(i => new { email = $"console{i}-{run}@example.com", amount = 5m * i, memo = "Console test" }).ToArray(),
        });
        Assert.True(created.IsOk, created.Raw);
        return (created.Body.GetProperty("batch").GetProperty("id").GetGuid(), reference);
    }
}
