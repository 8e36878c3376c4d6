using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Payouts.Testing;
using static Microsoft.Playwright.Assertions;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// The admin's other actions in a real browser, each confirmed in a dialog and each refusal shown in the API's words,
/// checked afterwards through the API: manual payments approved and declined (seed 003), an FX rate set (seed 004), and
/// a transfer whose outcome settlement could not learn resolved on the reconciliation page.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class AdminActionsConsoleTests(PlatformFixture fixture, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    /// <summary>The provider sandbox's test destination that records the transfer, then holds its answer past settlement's call timeout.</summary>
    private const string TimesOutAccountNumber = "4000000003";

    [Fact]
    public async Task An_admin_approves_one_manual_payment_declines_another_with_a_reason_and_is_told_why_a_decided_one_cannot_be_approved()
    {
        using var gateway = new GatewayClient(fixture.Platform);
        var admin = fixture.Tokens.Admin("1");
        var company = $"co-{Guid.NewGuid():N}"[..24];
        var member = fixture.Tokens.CompanyUser("7201", company);
        var (approve, decline, decided) = (await SubmitAsync(gateway, admin, member, company, 250m), await SubmitAsync(gateway, admin, member, company, 300m),
            await SubmitAsync(gateway, admin, member, company, 350m));

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_approves_one_manual_payment_declines_another_with_a_reason_and_is_told_why_a_decided_one_cannot_be_approved), async page =>
        {
            await page.SignInAsync(admin, "/admin/manual-payments");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manual payments" })).ToBeVisibleAsync();
            var rows = page.GetByRole(AriaRole.Row);

            await rows.Filter(new() { HasText = approve.Reference }).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            var approving = page.GetByRole(AriaRole.Dialog);
            await Expect(approving).ToContainTextAsync("Approving marks the invoice paid and credits the wallet.");
            await approving.GetByRole(AriaRole.Button, new() { Name = "Approve payment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Payment {approve.Reference} is succeeded.");
            await Expect(rows.Filter(new() { HasText = approve.Reference })).ToHaveCountAsync(0);

            await rows.Filter(new() { HasText = decline.Reference }).GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
            var declining = page.GetByRole(AriaRole.Dialog);
            await declining.GetByRole(AriaRole.Button, new() { Name = "Decline payment" }).ClickAsync();
            await Expect(declining).ToContainTextAsync("A reason is required to decline a payment.");
            await declining.GetByLabel("Reason").FillAsync("No wire with this reference reached our account");
            await declining.GetByRole(AriaRole.Button, new() { Name = "Decline payment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Payment {decline.Reference} is failed.");

            // Approved behind the page's back (another admin): the console's approval is refused in the API's words.
            var elsewhere = await gateway.PostAsync($"/api/v1/billing/admin/payments/{decided.Id}/approve/", admin, new { });
            Assert.True(elsewhere.IsOk, elsewhere.Raw);
            await rows.Filter(new() { HasText = decided.Reference }).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            var refused = page.GetByRole(AriaRole.Dialog);
            await refused.GetByRole(AriaRole.Button, new() { Name = "Approve payment" }).ClickAsync();
            await Expect(refused.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Payment is succeeded, not pending approval");
        });

        var payments = await gateway.GetAsync("/api/v1/billing/payments/", member);
        Assert.True(payments.IsOk, payments.Raw);
        var byId = payments.Body.GetProperty("results").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64());
        Assert.Equal("succeeded", byId[approve.Id].GetProperty("status").GetString());
        Assert.Equal("failed", byId[decline.Id].GetProperty("status").GetString());
        Assert.Equal("No wire with this reference reached our account", byId[decline.Id].GetProperty("failure_reason").GetString());
        Assert.Equal("succeeded", byId[decided.Id].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_admin_sets_an_fx_rate_and_an_invalid_one_is_refused_in_words_changing_nothing()
    {
        using var gateway = new GatewayClient(fixture.Platform);
        var admin = fixture.Tokens.Admin("1");

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_sets_an_fx_rate_and_an_invalid_one_is_refused_in_words_changing_nothing), async page =>
        {
            await page.SignInAsync(admin, "/admin/fx-rates");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "FX rates" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "USD → NGN" })).ToBeVisibleAsync();

            // GBP → KES is no seeded pair and no other test's: setting it changes nothing they rely on.
            await page.GetByRole(AriaRole.Button, new() { Name = "Set a rate" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Base currency").FillAsync("gbp");
            await dialog.GetByLabel("Quote currency").FillAsync("KES");
            await dialog.GetByLabel("Rate", new() { Exact = true }).FillAsync("165.4321");
            await dialog.GetByLabel("Processing fee").FillAsync("12.5");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
            await Expect(dialog.GetByTestId("fx-confirmation")).ToHaveTextAsync("Set GBP → KES? 1 GBP = 165.4321 KES, processing fee 12.5 KES per payout, enabled.");
            await Expect(dialog).ToContainTextAsync("This pair has no rate yet.");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Set rate" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("GBP → KES is now 165.4321.");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "GBP → KES" });
            await Expect(row).ToContainTextAsync("165.4321");
            await Expect(row).ToContainTextAsync("12.50 KES");

            // Refused in the form: a rate that is not above zero never reaches the API.
            await row.GetByRole(AriaRole.Button, new() { Name = "Change GBP → KES" }).ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("Rate", new() { Exact = true })).ToHaveValueAsync("165.4321");
            await dialog.GetByLabel("Rate", new() { Exact = true }).FillAsync("-2");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("The rate must be greater than zero.");
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Set rate" })).ToHaveCountAsync(0);

            // Refused by the API, which alone knows KES's minor unit: its words are shown and the admin can go back.
            await dialog.GetByLabel("Rate", new() { Exact = true }).FillAsync("170");
            await dialog.GetByLabel("Processing fee").FillAsync("0.125");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("This replaces 165.4321 (fee 12.5, enabled).");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Set rate" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The processing fee must have at most 2 decimal places for KES.");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            await Expect(row).ToContainTextAsync("165.4321");
        });

        var rates = await gateway.GetAsync("/api/admin/fx-rates", admin);
        Assert.True(rates.IsOk, rates.Raw);
        var set = Assert.Single(rates.Body.GetProperty("data").GetProperty("rates").EnumerateArray(),
            r => r.GetProperty("baseCurrency").GetString() == "GBP" && r.GetProperty("quoteCurrency").GetString() == "KES");
        Assert.Equal((165.4321m, 12.5m, true, "1"),
            (set.GetProperty("rate").GetDecimal(), set.GetProperty("processingFee").GetDecimal(), set.GetProperty("enabled").GetBoolean(), set.GetProperty("updatedBy").GetString()));
    }

    /// <summary>
    /// The sandbox records a transfer to <see cref="TimesOutAccountNumber"/> (completed) but answers only after settlement's
    /// call timeout (10 s), so settlement marks it unknown. The reconciliation sweep would close it five minutes later on
    /// the shared platform (PlatformFixture); the admin closes it first. Resolving it as failed is refused (the money
    /// left); as completed it pays the payout.
    /// </summary>
    [Fact]
    public async Task An_admin_resolves_a_transfer_settlement_could_not_learn_the_outcome_of_and_the_payout_completes()
    {
        using var gateway = new GatewayClient(fixture.Platform);
        var admin = fixture.Tokens.Admin("1");
        var payout = await PendingPayouts.RequestToBeneficiaryAsync(fixture.Platform, 500m, TimesOutAccountNumber, 120m);

        await browser.RunAsync(fixture.Platform.ConsoleUrl, nameof(An_admin_resolves_a_transfer_settlement_could_not_learn_the_outcome_of_and_the_payout_completes), async page =>
        {
            await page.SignInAsync(admin, "/admin/settlement");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settlement reconciliation" })).ToBeVisibleAsync();

            var processed = await gateway.PostAsync($"/api/admin/payouts/{payout.Id}/process", admin, new { notes = "console resolution test" }, $"process-{payout.Id}");
            Assert.True(processed.IsOk || processed.Status == System.Net.HttpStatusCode.Accepted, processed.Raw);

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = payout.Id });
            var refresh = page.GetByRole(AriaRole.Button, new() { Name = "Refresh" });
            await Eventually.HoldsAsync(async () =>
            {
                await refresh.ClickAsync();
                await Expect(refresh).ToBeEnabledAsync();
                return await row.CountAsync() == 1 && (await row.TextContentAsync())!.Contains("unknown", StringComparison.Ordinal);
            }, $"payout {payout.Id}'s transfer to be listed open and unknown", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
            await Expect(row).ToContainTextAsync("completed");

            await row.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByText("failed", new() { Exact = true }).ClickAsync();
            await dialog.GetByLabel("Note").FillAsync("Provider support says it bounced");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolve transfer" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
                "The provider reports the transfer completed: money that left is never released, so it cannot be resolved as failed; nothing was changed");

            await dialog.GetByText("completed", new() { Exact = true }).ClickAsync();
            await dialog.GetByLabel("Note").FillAsync("Provider statement shows it paid");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolve transfer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Transfer {payout.Id} resolved as completed.");
            await Expect(row).ToHaveCountAsync(0);
        });

        var paid = await Eventually.MatchAsync(async () => await gateway.GetAsync($"/api/admin/payouts/{payout.Id}", admin),
            reply => reply.IsOk && reply.Body.GetProperty("data").GetProperty("status").GetString() == "completed",
            $"payout {payout.Id} to be completed", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        Assert.False(string.IsNullOrEmpty(paid.Body.GetProperty("data").GetProperty("transactionReference").GetString()), paid.Raw);
    }

    private sealed record ManualPayment(long Id, string Reference);

    /// <summary>An admin's invoice to the company and the member's manual payment for it, pending approval (seed 003).</summary>
    private static async Task<ManualPayment> SubmitAsync(GatewayClient gateway, AuthenticationHeaderValue admin, AuthenticationHeaderValue member, string company, decimal amount)
    {
        var invoice = await gateway.PostAsync("/api/v1/billing/admin/invoices/", admin,
            new { company_id = company, amount = amount.ToString(CultureInfo.InvariantCulture), currency = "USD" });
        Assert.True(invoice.IsOk, invoice.Raw);
        var reference = $"WIRE-{Guid.NewGuid():N}"[..20];
        var payment = await gateway.PostAsync("/api/v1/billing/payments/manual/", member,
            new { invoice_id = invoice.Body.GetProperty("invoice").GetProperty("id").GetInt64(), payment_method = "bank_transfer", transaction_reference = reference });
        Assert.True(payment.IsOk, payment.Raw);
        Assert.Equal("pending_approval", payment.Body.GetProperty("payment").GetProperty("status").GetString());
        return new ManualPayment(payment.Body.GetProperty("payment").GetProperty("id").GetInt64(), reference);
    }
}
