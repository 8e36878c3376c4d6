using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// A company user's wallet page in a real browser, against the platform started through the AppHost (seed 003): an
/// admin's invoice, the user's manual payment pending, the admin's approval, and the page showing the payment approved,
/// the invoice paid and the new balance; another company's user sees none of it.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class CompanyWalletConsoleTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_company_user_pays_an_invoice_sees_it_pending_then_approved_with_the_new_balance_and_another_company_sees_none_of_it()
    {
        var company = $"co-{Guid.NewGuid():N}"[..24];
        var outsider = $"co-{Guid.NewGuid():N}"[..24];
        var admin = fixture.Tokens.Admin("1");
        var reference = $"WIRE-{Guid.NewGuid():N}"[..17].ToUpperInvariant();
        using var gateway = new GatewayClient(fixture.Platform);
        var invoice = await gateway.PostAsync("/api/v1/billing/admin/invoices/", admin,
            new { company_id = company, amount = "1250.50", currency = "USD", description = "Wallet top-up" });
        Assert.True(invoice.IsOk, invoice.Raw);
        var number = invoice.Body.GetProperty("invoice").GetProperty("invoice_number").GetString()!;

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(A_company_user_pays_an_invoice_sees_it_pending_then_approved_with_the_new_balance_and_another_company_sees_none_of_it), async page =>
        {
            await page.SignInAsync(fixture.Tokens.CompanyUser("7201", company));
            await page.GetByRole(AriaRole.Link, new() { Name = "Wallet" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company wallet" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Nothing yet: the wallet is funded")).ToBeVisibleAsync();
            var invoiceRow = page.GetByTestId("invoices").GetByRole(AriaRole.Row).Filter(new() { HasText = number });
            await Expect(invoiceRow.Locator("td[data-label=Status]")).ToHaveTextAsync("unpaid");
            await Expect(invoiceRow).ToContainTextAsync("1,250.50 USD");

            // The form refuses a payment without a reference, then asks for confirmation before sending it.
            await invoiceRow.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The transaction reference is required.");
            await dialog.GetByLabel("Transaction reference").FillAsync(reference);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync($"with reference {reference}");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit payment" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            var paymentRow = page.GetByTestId("payments").GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
            await Expect(paymentRow.Locator("td[data-label=Status]")).ToHaveTextAsync("Pending approval");
            await Expect(invoiceRow).ToContainTextAsync("Payment pending approval");

            await ApproveAsync(gateway, admin, reference);

            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await Expect(paymentRow.Locator("td[data-label=Status]")).ToHaveTextAsync("Approved");
            await Expect(invoiceRow.Locator("td[data-label=Status]")).ToHaveTextAsync("paid");
            await Expect(page.Locator("tr[data-currency=USD] [data-balance=available]")).ToHaveTextAsync("1,250.50");
            await Expect(page.Locator("tr[data-currency=USD] [data-balance=held]")).ToHaveTextAsync("0.00");
        });

        await browser.RunAsync(fixture.Platform.ConsoleUrl, $"{nameof(A_company_user_pays_an_invoice_sees_it_pending_then_approved_with_the_new_balance_and_another_company_sees_none_of_it)}_outsider", async page =>
        {
            await page.SignInAsync(fixture.Tokens.CompanyUser("7202", outsider), "/wallet");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company wallet" })).ToBeVisibleAsync();
            await Expect(page.GetByText("No invoices yet.")).ToBeVisibleAsync();
            await Expect(page.GetByText("No payments yet.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Nothing yet: the wallet is funded")).ToBeVisibleAsync();
            var content = await page.ContentAsync();
            Assert.DoesNotContain(number, content, StringComparison.Ordinal);
            Assert.DoesNotContain(reference, content, StringComparison.Ordinal);
        });
    }

    /// <summary>The admin approves the company's pending payment through the billing admin API.</summary>
    private static async Task ApproveAsync(GatewayClient gateway, AuthenticationHeaderValue admin, string reference)
    {
        var pending = await gateway.GetAsync("/api/v1/billing/admin/payments/?status=pending_approval", admin);
        Assert.True(pending.IsOk, pending.Raw);
        var payment = pending.Body.GetProperty("results").EnumerateArray()
            .Single(p => p.GetProperty("transaction_reference").GetString() == reference);
        var approved = await gateway.PostAsync(
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/billing/admin/payments/{payment.GetProperty("id").GetInt64()}/approve/"), admin, new { });
        Assert.True(approved.IsOk, approved.Raw);
        Assert.Equal("succeeded", approved.Body.GetProperty("payment").GetProperty("status").GetString());
    }
}
