using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Payouts.Testing;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// Every console page, and the dialogs an action opens, audited with axe-core in Chromium against WCAG 2.1 A and AA:
/// names and labels, contrast, landmarks, headings, keyboard focus. Each violation is listed with the page and the
/// element, so a failure says what to fix.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class ConsoleAccessibilityTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task The_admin_pages_and_their_dialogs_meet_WCAG_2_1_AA()
    {
        var payout = (await PendingPayouts.RequestAsync(fixture.Platform, 500m, 100m))[0];
        var findings = new List<string>();

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(The_admin_pages_and_their_dialogs_meet_WCAG_2_1_AA), async page =>
        {
            await page.GotoAsync("/signin");
            await AuditAsync(page, "sign-in", findings);
            await page.SignInAsync(fixture.Tokens.Admin("1"), "/");
            await AuditAsync(page, "home", findings);
            foreach (var path in new[] { "/admin/payouts", "/admin/settlement", "/admin/manual-payments", "/admin/fx-rates", $"/admin/payouts/{payout.Id}" })
            {
                await OpenAsync(page, path);
                await AuditAsync(page, path, findings);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await AuditAsync(page, "reject dialog", findings);
        });

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task The_company_pages_meet_WCAG_2_1_AA()
    {
        var company = $"co-{Guid.NewGuid():N}"[..24];
        var member = fixture.Tokens.CompanyUser("7301", company);
        using var gateway = new GatewayClient(fixture.Platform);
        await CompanyWallets.FundAsync(gateway, fixture.Tokens.Admin("1"), member, company, 100m, "USD");
        var created = await gateway.PostAsync("/v1/payouts/batch", member, new
        {
            payment_reference = $"A11Y-{Guid.NewGuid():N}"[..16].ToUpperInvariant(),
            payees = new[] { new { email = "payee@example.com", amount = 12.5m, memo = "Accessibility" }, new { email = "invalid@email", amount = 5m, memo = "Refused" } },
        });
        Assert.True(created.IsOk, created.Raw);
        var batchId = created.Body.GetProperty("batch").GetProperty("id").GetString();
        var findings = new List<string>();

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(The_company_pages_meet_WCAG_2_1_AA), async page =>
        {
            await page.SignInAsync(member, "/batches");
            await AuditAsync(page, "/batches", findings);
            foreach (var path in new[] { $"/batches/{batchId}", "/2fa", "/wallet" })
            {
                await OpenAsync(page, path);
                await AuditAsync(page, path, findings);
            }
            await OpenAsync(page, "/admin/payouts");
            await AuditAsync(page, "an admin page refused", findings);
            await OpenAsync(page, $"/batches/{Guid.NewGuid()}");
            await AuditAsync(page, "a batch not found", findings);
        });

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Audits the page once what it loads is on it (no progress bar left).</summary>
    private static async Task AuditAsync(IPage page, string name, List<string> findings)
    {
        await Expect(page.Locator(".mud-progress-linear, .mud-progress-circular")).ToHaveCountAsync(0);
        var result = await page.RunAxe(Wcag21AA);
        findings.AddRange(result.Violations.SelectMany(v => v.Nodes.Select(n =>
            $"{name}: [{v.Impact}] {v.Id} {v.Help} at {n.Target} {n.Html}")));
    }
}
