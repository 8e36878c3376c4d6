using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// The admin side of the console in a real browser (seed 004): the payout queue, a payout's page, processing one through
/// the provider and reading its transfer status, rejecting one with a reason; and a user who is not an admin kept out.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class AdminConsoleTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task An_admin_processes_one_payout_through_the_provider_sees_its_transfer_status_and_rejects_another_with_a_reason()
    {
        var payouts = await PendingPayouts.RequestAsync(fixture.Platform, 1000m, 100m, 50m);
        var (first, second) = (payouts[0], payouts[1]);
        var admin = fixture.Tokens.Admin("1");

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_processes_one_payout_through_the_provider_sees_its_transfer_status_and_rejects_another_with_a_reason), async page =>
        {
            await page.SignInAsync(admin, "/admin/payouts");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payout queue" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = second.Reference })).ToContainTextAsync("pending");
            await page.GetByRole(AriaRole.Link, new() { Name = first.Reference }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/admin/payouts/{first.Id}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Payout {first.Reference}" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-balance")).ToContainTextAsync("850.00");
            await Expect(page.GetByText("Wells Fargo")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Process", Exact = true }).ClickAsync();
            var process = page.GetByRole(AriaRole.Dialog);
            await Expect(process).ToContainTextAsync("paid through the provider");
            await process.GetByRole(AriaRole.Button, new() { Name = "Process payout" }).ClickAsync();

            await Expect(page.GetByTestId("action-outcome")).ToContainTextAsync(new Regex("Payout (processed successfully|is being processed)"));
            await Expect(page.GetByTestId("payout-status")).ToHaveTextAsync("completed");
            await Expect(page.GetByTestId("transfer-status")).ToHaveTextAsync("completed");
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh transfer status" }).ClickAsync();
            await Expect(page.GetByTestId("transfer-status")).ToHaveTextAsync("completed");

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to the payout queue" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = second.Reference }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Payout {second.Reference}" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
            var reject = page.GetByRole(AriaRole.Dialog);
            await reject.GetByRole(AriaRole.Button, new() { Name = "Reject payout" }).ClickAsync();
            await Expect(reject).ToContainTextAsync("A reason is required to reject a payout.");
            await reject.GetByLabel("Reason").FillAsync("Invalid bank account details");
            await reject.GetByRole(AriaRole.Button, new() { Name = "Reject payout" }).ClickAsync();

            await Expect(page.GetByTestId("action-outcome")).ToHaveTextAsync("Payout rejected successfully");
            await Expect(page.GetByTestId("payout-status")).ToHaveTextAsync("rejected");
            await Expect(page.GetByText("reason: Invalid bank account details")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Process", Exact = true })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task A_user_who_is_not_an_admin_cannot_open_the_payout_queue()
    {
        var payouts = await PendingPayouts.RequestAsync(fixture.Platform, 500m, 100m);
        var user = fixture.Tokens.User("7100");

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(A_user_who_is_not_an_admin_cannot_open_the_payout_queue), async page =>
        {
            await page.SignInAsync(user);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Payout queue" })).ToHaveCountAsync(0);

            await page.GotoAsync("/admin/payouts");
            await Expect(page.GetByText("You are not allowed to open this page.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
            Assert.DoesNotContain(payouts[0].Reference, await page.ContentAsync(), StringComparison.Ordinal);

            await page.GotoAsync($"/admin/payouts/{payouts[0].Id}");
            await Expect(page.GetByText("You are not allowed to open this page.")).ToBeVisibleAsync();
            Assert.DoesNotContain(payouts[0].Reference, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_admin_reads_the_settlement_reconciliation_reports()
    {
        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_reads_the_settlement_reconciliation_reports), async page =>
        {
            await page.SignInAsync(fixture.Tokens.Admin("1"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Settlement reconciliation" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settlement reconciliation" })).ToBeVisibleAsync();
            await Expect(page.GetByText(new Regex(@"mismatches: \d+"))).ToBeVisibleAsync();
            await Expect(page.GetByText(new Regex(@"\d+ checked, \d+ matched"))).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        });
    }
}
