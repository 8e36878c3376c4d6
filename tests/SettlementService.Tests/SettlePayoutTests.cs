using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Payouts.Contracts.Settlement;
using Payouts.ProviderSandbox.Domain;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>SettlePayout end to end: bus → settlement → provider sandbox → outcome event; one transfer whatever happens.</summary>
[Collection(Infrastructure.Collection)]
public sealed class SettlePayoutTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(30);

    private static SettlePayout Command(long destinationId, decimal amount) =>
        new(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount, destinationId, "bank_transfer", amount, "USD", "Payout test");

    [Fact]
    public async Task A_payout_is_paid_once_and_settled_with_the_provider_transfer_id()
    {
        var command = Command(fixture.Bus.AddBankAccount("1234567890"), 120.50m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(atProvider.GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal((120.50m, "USD"), (settled.Amount, settled.Currency));
        Assert.Equal(before - 120.50m, await fixture.DebitAccountBalanceAsync());
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal(("completed", "****7890"), (ours.Status, ours.BeneficiaryMasked));
    }

    [Fact]
    public async Task A_refusal_caused_by_our_settlement_account_leaves_no_transfer_and_the_payout_is_paid_once_when_sent_again_after_funding()
    {
        // The sandbox's settlement account holds no DKK, so the provider refuses with debit_account_not_found: ours to fix, not the payee's.
        var command = new SettlePayout(Guid.NewGuid(), "PO-UNFUNDED", DestinationKind.BankAccount, fixture.Bus.AddBankAccount("5534567890"), "bank_transfer",
            40m, "DKK", "Payout while unfunded");

        await fixture.Bus.SendAsync(command);

        // Retried, then the error queue and the report: no failure reaches the payout, no transfer is recorded anywhere.
        using var admin = fixture.ApiClient();
        await Eventually.HoldsAsync(async () =>
        {
            var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/settlement/reconciliation");
            return report.GetProperty("data").GetProperty("faults").EnumerateArray().Any(f => f.GetProperty("subjectId").GetGuid() == command.PayoutId);
        }, "the refused command in the report", TimeSpan.FromSeconds(90));
        Assert.Empty(fixture.Bus.OutcomesFor(command.PayoutId));
        Assert.Empty(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Empty(await fixture.ProviderTransfersAsync(command.PayoutId));
        var status = fixture.Bus.Bus.CreateRequestClient<GetSettlementStatus>(RequestTimeout.After(s: 30));
        Assert.Equal(SettlementStatus.NotFound, (await status.GetResponse<SettlementStatus>(new GetSettlementStatus(command.PayoutId))).Message.Status);

        // Funded, the command the payout saga sends again on not_found pays it, once, with the same reference.
        using var sandbox = fixture.SandboxClient();
        var funded = await sandbox.PutAsJsonAsync($"/sandbox/admin/accounts/{SandboxHost.DebitAccount}/balances/DKK", new { balance = 100m });
        Assert.True(funded.IsSuccessStatusCode, await funded.Content.ReadAsStringAsync());
        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(atProvider.GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal((40m, "DKK"), (settled.Amount, settled.Currency));
        Assert.Equal("completed", Assert.Single(await fixture.OurTransfersAsync(command.PayoutId)).Status);
    }

    [Fact]
    public async Task A_duplicated_command_makes_one_transfer()
    {
        var command = Command(fixture.Bus.AddBankAccount("2234567890"), 75m);
        var before = await fixture.DebitAccountBalanceAsync();

        // Two deliveries with different message ids: the inbox cannot tell them apart, the transfer key can.
        await Task.WhenAll(fixture.Bus.SendAsync(command), fixture.Bus.SendAsync(command));

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        await Eventually.HoldsAsync(() => fixture.Bus.OutcomesFor(command.PayoutId).Count == 2, "the duplicate's answer");
        Assert.All(fixture.Bus.OutcomesFor(command.PayoutId), o => Assert.Equal(settled.ProviderTransferId, Assert.IsType<PayoutSettled>(o).ProviderTransferId));
        Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal(before - 75m, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_provider_timeout_is_resolved_by_reconciliation_with_one_transfer()
    {
        var command = Command(fixture.Bus.AddBankAccount(TestDestinations.TimesOutAccountNumber), 33m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        // The call times out: the worker records the transfer as unknown, and only the sweep can settle it.
        await Eventually.HoldsAsync(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "unknown" or "completed" }], "the transfer being recorded");
        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(atProvider.GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal(before - 33m, await fixture.DebitAccountBalanceAsync());
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal("completed", ours.Status);
        Assert.True(ours.CompletedAt - ours.CreatedAt >= SettlementHost.ReconciliationAge,
            $"Completed {ours.CompletedAt - ours.CreatedAt} after creation: sooner than reconciliation could have");
    }

    [Fact]
    public async Task A_provider_500_is_retried_to_success_with_one_transfer()
    {
        var command = Command(fixture.Bus.AddBankAccount(TestDestinations.SecondTryAccountNumber), 12m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal(Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal(before - 12m, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_closed_account_fails_the_payout_and_pays_nothing()
    {
        var command = Command(fixture.Bus.AddBankAccount(TestDestinations.ClosedAccountNumber), 40m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal("account_closed", failed.Code);
        Assert.Equal(before, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_destination_that_cannot_be_paid_fails_without_calling_the_provider()
    {
        var command = Command(fixture.Bus.AddBankAccount("3234567890", payable: false), 40m);

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        Assert.Equal("destination_not_payable", failed.Code);
        Assert.Empty(await fixture.ProviderTransfersAsync(command.PayoutId));
    }
}
