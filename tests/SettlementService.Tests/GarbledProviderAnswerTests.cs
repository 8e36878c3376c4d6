using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// A provider answer that does not parse: settlement calls the sandbox through a fault injector that forwards each call
/// (so the sandbox really makes the transfer) and answers garbage. The transfer is unknown, stays so while the answers
/// stay garbage, and is resolved by reconciliation once the provider answers properly — never a second transfer.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class GarbledProviderAnswerTests(FaultInjectionFixture fixture) : IClassFixture<FaultInjectionFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public void Dispose() => fixture.Injector.Mode = FaultInjectingProvider.GarbleMode.None;

    [Fact]
    public async Task An_unparsable_answer_leaves_the_transfer_unknown_until_reconciliation_hears_the_provider()
    {
        var command = Command(fixture.Bus.AddBankAccount("5534567890"), 70m);
        var before = await fixture.DebitAccountBalanceAsync();
        fixture.Injector.Mode = FaultInjectingProvider.GarbleMode.Everything;

        await fixture.Bus.SendAsync(command);

        // Unknown, and the sweep's lookups get garbage too: it stays flagged, asked again and again.
        await Eventually.HoldsAsync(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "unknown", ReconciliationAttempts: >= 2 }],
            "reconciliation to ask about the unknown transfer");
        Assert.Contains("parse", Assert.Single(await fixture.OurTransfersAsync(command.PayoutId)).FailureReason);
        Assert.Empty(fixture.Bus.OutcomesFor(command.PayoutId));

        // A repeated command does not send again while the outcome is open.
        await fixture.Bus.SendAsync(command);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(before - 70m, await fixture.DebitAccountBalanceAsync());
        Assert.Empty(fixture.Bus.OutcomesFor(command.PayoutId));

        using (var admin = fixture.ApiClient())
        {
            var report = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/settlement/reconciliation")).GetProperty("data");
            var item = report.GetProperty("open").EnumerateArray().Single(i => i.GetProperty("payoutId").GetGuid() == command.PayoutId);
            Assert.Equal(("unknown", "no_answer"), (item.GetProperty("status").GetString(), item.GetProperty("providerStatus").GetString()));
        }

        fixture.Injector.Mode = FaultInjectingProvider.GarbleMode.None;

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, Timeout));
        var atProvider = Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Equal(atProvider.GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal(before - 70m, await fixture.DebitAccountBalanceAsync());
        Assert.Equal("completed", Assert.Single(await fixture.OurTransfersAsync(command.PayoutId)).Status);
    }

    [Fact]
    public async Task An_unparsable_answer_to_the_transfer_alone_is_settled_by_the_next_reconciliation_pass()
    {
        var command = Command(fixture.Bus.AddBankAccount("5534567891"), 71m);
        var before = await fixture.DebitAccountBalanceAsync();
        fixture.Injector.Mode = FaultInjectingProvider.GarbleMode.TransferCreation;

        await fixture.Bus.SendAsync(command);

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, Timeout));
        Assert.Equal(Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString(), settled.ProviderTransferId);
        Assert.Equal(before - 71m, await fixture.DebitAccountBalanceAsync());
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.True(ours.CompletedAt - ours.CreatedAt >= SettlementHost.ReconciliationAge, "completed sooner than reconciliation could have");
    }

    [Fact]
    public async Task An_operator_resolution_without_a_usable_provider_answer_is_refused_and_changes_nothing()
    {
        var payoutId = await fixture.StageOpenTransferNobodySweepsAsync("unknown");
        var before = Assert.Single(await fixture.OurTransfersAsync(payoutId));
        using var admin = fixture.ApiClient();
        var path = $"/api/admin/settlement/transfers/{payoutId}/resolve";
        fixture.Injector.Mode = FaultInjectingProvider.GarbleMode.Everything;

        using (var refused = await admin.PostAsJsonAsync(path, new { outcome = "failed", note = "Provider never got it" }))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.False((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean());
        }

        var after = Assert.Single(await fixture.OurTransfersAsync(payoutId));
        Assert.Equal(("unknown", before.UpdatedAt, null), (after.Status, after.UpdatedAt, after.Resolution));

        // Nothing was committed: once the provider answers, the same request goes through, and the payout is told once.
        fixture.Injector.Mode = FaultInjectingProvider.GarbleMode.None;
        using (var resolved = await admin.PostAsJsonAsync(path, new { outcome = "failed", note = "Provider never got it" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(payoutId, Timeout));
        Assert.Equal("resolved_by_operator", failed.Code);
        Assert.Empty(await fixture.ProviderTransfersAsync(payoutId));
    }

    private static SettlePayout Command(long destinationId, decimal amount) =>
        new(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount, destinationId, "bank_transfer", amount, "USD", "Payout garbled");
}
