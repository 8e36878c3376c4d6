using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payouts.Contracts.Settlement;
using Payouts.ProviderSandbox.Domain;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// PayPal and Stripe payouts: the handle travels on the command (no destination lookup), goes to the provider on its
/// rail, and only its masked form is kept and shown. Same one-transfer guarantees as bank transfers.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class PayPalStripeTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(30);

    private static SettlePayout Command(DestinationKind kind, string? handle, decimal amount) =>
        new(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], kind, 0, kind == DestinationKind.PayPal ? "paypal" : "stripe", amount, "USD", "Payout by handle", handle);

    private static string UniqueEmail() => $"ada.{Guid.NewGuid():N}@example.com";

    private static string UniqueConnectedAccount() => $"acct_{Guid.NewGuid():N}"[..21];

    [Fact]
    public async Task A_PayPal_payout_is_paid_on_the_paypal_rail_and_only_the_masked_email_is_kept_and_shown()
    {
        var email = UniqueEmail();
        var command = Command(DestinationKind.PayPal, email, 42.10m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(settled.ProviderTransferId, atProvider.GetProperty("_id").GetString());
        Assert.Equal(("paypal", email), (atProvider.GetProperty("rail").GetString(), atProvider.GetProperty("beneficiaryEmail").GetString()));
        Assert.Equal(before - 42.10m, await fixture.DebitAccountBalanceAsync());
        Assert.Equal(0, fixture.Bus.DestinationRequestsFor(command.PayoutId));

        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal(("completed", "paypal", "a***@example.com"), (ours.Status, ours.Rail, ours.BeneficiaryMasked));

        using var admin = fixture.ApiClient();
        using var response = await admin.GetAsync($"/api/admin/payouts/transfer-status/{settled.ProviderTransferId}");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = JsonDocument.Parse(raw).RootElement.GetProperty("data");
        Assert.Equal(("paypal", "a***@example.com"), (data.GetProperty("rail").GetString(), data.GetProperty("beneficiaryEmail").GetString()));
        Assert.False(data.TryGetProperty("beneficiaryAccountNumber", out _));
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_Stripe_payout_is_paid_on_the_stripe_rail_and_only_the_masked_account_is_kept_and_shown()
    {
        var account = UniqueConnectedAccount();
        var command = Command(DestinationKind.Stripe, account, 18m);

        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(("stripe", account), (atProvider.GetProperty("rail").GetString(), atProvider.GetProperty("beneficiaryConnectedAccountId").GetString()));
        Assert.Equal(0, fixture.Bus.DestinationRequestsFor(command.PayoutId));
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal(("completed", $"acct_****{account[^4..]}"), (ours.Status, ours.BeneficiaryMasked));

        using var admin = fixture.ApiClient();
        var raw = await admin.GetStringAsync($"/api/admin/payouts/transfer-status/{settled.ProviderTransferId}");
        Assert.Equal($"acct_****{account[^4..]}", JsonDocument.Parse(raw).RootElement.GetProperty("data").GetProperty("beneficiaryConnectedAccountId").GetString());
        Assert.DoesNotContain(account, raw);
    }

    [Theory]
    [InlineData(DestinationKind.PayPal, TestDestinations.ClosedEmail)]
    [InlineData(DestinationKind.Stripe, TestDestinations.ClosedConnectedAccount)]
    public async Task A_closed_recipient_fails_the_payout_and_pays_nothing(DestinationKind kind, string handle)
    {
        var command = Command(kind, handle, 25m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal("account_closed", failed.Code);
        Assert.Equal("failed", Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("status").GetString());
        Assert.Equal(before, await fixture.DebitAccountBalanceAsync());
    }

    [Theory]
    [InlineData(DestinationKind.PayPal, null)]
    [InlineData(DestinationKind.PayPal, "")]
    [InlineData(DestinationKind.PayPal, "not-an-email")]
    [InlineData(DestinationKind.PayPal, "ada@@example.com")]
    [InlineData(DestinationKind.Stripe, null)]
    [InlineData(DestinationKind.Stripe, "1234567890")]
    [InlineData(DestinationKind.Stripe, "acct_with spaces")]
    public async Task A_missing_or_malformed_handle_fails_the_payout_without_a_provider_call(DestinationKind kind, string? handle)
    {
        var command = Command(kind, handle, 10m);

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal("destination_not_payable", failed.Code);
        Assert.Empty(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(0, fixture.Bus.DestinationRequestsFor(command.PayoutId));
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal("failed", ours.Status);
        if (handle is { Length: > 4 }) Assert.DoesNotContain(handle, ours.BeneficiaryMasked);
    }

    [Fact]
    public async Task A_duplicated_Stripe_command_makes_one_transfer()
    {
        var command = Command(DestinationKind.Stripe, UniqueConnectedAccount(), 31m);
        var before = await fixture.DebitAccountBalanceAsync();

        await Task.WhenAll(fixture.Bus.SendAsync(command), fixture.Bus.SendAsync(command));

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        await Eventually.HoldsAsync(() => fixture.Bus.OutcomesFor(command.PayoutId).Count == 2, "the duplicate's answer");
        Assert.All(fixture.Bus.OutcomesFor(command.PayoutId), o => Assert.Equal(settled.ProviderTransferId, Assert.IsType<PayoutSettled>(o).ProviderTransferId));
        Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(before - 31m, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_PayPal_timeout_is_resolved_by_reconciliation_with_one_transfer()
    {
        var command = Command(DestinationKind.PayPal, TestDestinations.TimesOutEmail, 14m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        await Eventually.HoldsAsync(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "unknown" or "completed" }], "the transfer being recorded");
        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal(Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal(before - 14m, await fixture.DebitAccountBalanceAsync());
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.True(ours.CompletedAt - ours.CreatedAt >= SettlementHost.ReconciliationAge, "completed sooner than reconciliation could have");
    }

    [Fact]
    public async Task A_Stripe_provider_500_is_retried_to_success_with_one_transfer()
    {
        var command = Command(DestinationKind.Stripe, TestDestinations.SecondTryConnectedAccount, 9m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal(Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal(before - 9m, await fixture.DebitAccountBalanceAsync());
    }
}
