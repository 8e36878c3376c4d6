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
    public async Task A_duplicated_command_makes_one_transfer()
    {
        var command = Command(fixture.Bus.AddBankAccount("2234567890"), 75m);
        var before = await fixture.DebitAccountBalanceAsync();

        // Two deliveries with different message ids: the inbox cannot tell them apart, the transfer key can.
        await Task.WhenAll(fixture.Bus.SendAsync(command), fixture.Bus.SendAsync(command));

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout));
        await Eventually(() => fixture.Bus.OutcomesFor(command.PayoutId).Count == 2, "the duplicate's answer");
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
        await Eventually(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "unknown" or "completed" }], "the transfer being recorded");
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

    private static async Task Eventually(Func<bool> condition, string what) => await Eventually(() => Task.FromResult(condition()), what);

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + OutcomeTimeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
