using System.Text.Json;
using System.Net.Http.Json;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>Issue 5's bad input: a provider record that disagrees with ours, and a destination that no longer exists.</summary>
[Collection(Infrastructure.Collection)]
public sealed class BadInputTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_provider_transfer_with_another_amount_is_flagged_never_settled_and_never_paid_again()
    {
        const string accountNumber = "9934567890";
        var command = Command(fixture.Bus.AddBankAccount(accountNumber), 60m);
        var before = await fixture.DebitAccountBalanceAsync();
        // Someone paid this payout's reference at the provider already, for another amount.
        var outOfBand = await fixture.CreateProviderTransferAsync(command.PayoutId.ToString(), accountNumber, 50m);

        await fixture.Bus.SendAsync(command);

        // The provider answers with its existing transfer: flagged, and the sweep looks at it again without settling it.
        await Eventually.HoldsAsync(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "unknown", ReconciliationAttempts: >= 2 }],
            "the flagged transfer to be looked at again by reconciliation");
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.StartsWith(SettlementOutcome.AmountMismatch, ours.FailureReason);
        Assert.Empty(fixture.Bus.OutcomesFor(command.PayoutId));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal((outOfBand.GetProperty("_id").GetString(), 50m), (atProvider.GetProperty("_id").GetString(), atProvider.GetProperty("amount").GetDecimal()));
        Assert.Equal(before - 50m, await fixture.DebitAccountBalanceAsync());

        using var admin = fixture.ApiClient();
        var report = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/settlement/reconciliation")).GetProperty("data");
        var item = report.GetProperty("open").EnumerateArray().Single(i => i.GetProperty("payoutId").GetGuid() == command.PayoutId);
        Assert.True(item.GetProperty("mismatch").GetBoolean());
        Assert.Equal(("unknown", 60m, 50m), (item.GetProperty("status").GetString(), item.GetProperty("amount").GetDecimal(), item.GetProperty("providerAmount").GetDecimal()));
    }

    [Fact]
    public async Task A_payout_to_an_unknown_or_deleted_destination_fails_without_a_provider_call()
    {
        // Never registered with the stand-in BankAccountService, which answers it as deleted (not payable).
        var command = Command(Random.Shared.NextInt64(1, long.MaxValue), 30m);

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, Timeout));
        Assert.Equal(("destination_not_payable", "Destination deleted"), (failed.Code, failed.Reason));
        Assert.Empty(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal("failed", Assert.Single(await fixture.OurTransfersAsync(command.PayoutId)).Status);
    }

    private static SettlePayout Command(long destinationId, decimal amount) =>
        new(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount, destinationId, "bank_transfer", amount, "USD", "Payout bad input");
}
