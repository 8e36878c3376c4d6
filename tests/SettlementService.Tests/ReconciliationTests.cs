using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Payouts.Contracts.Settlement;
using Payouts.ProviderSandbox.Domain;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>Open transfers in the admin report, resolved by the sweep; the payout saga's status query.</summary>
[Collection(Infrastructure.Collection)]
public sealed class ReconciliationTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static readonly LocalTokenIssuer Tokens = new(new AuthSettings(SettlementHost.SigningKey));

    [Fact]
    public async Task A_transfer_pending_at_the_provider_is_reported_open_then_failed_by_reconciliation_and_refunded()
    {
        var command = new SettlePayout(Guid.NewGuid(), "PO-PENDING", DestinationKind.BankAccount,
            fixture.Bus.AddBankAccount(TestDestinations.FailsAfterDelayAccountNumber), "bank_transfer", 64m, "USD", "Payout fails later");
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);
        await Eventually.HoldsAsync(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "pending" }], "the transfer to be pending");

        using var admin = fixture.Settlement.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(new AuthTokenRequest("9001", [PayoutsRoles.Admin])));
        using var response = await admin.GetAsync("/api/admin/settlement/reconciliation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        var item = report.GetProperty("open").EnumerateArray().Single(i => i.GetProperty("payoutId").GetGuid() == command.PayoutId);
        Assert.Equal(("pending", "pending", false), (item.GetProperty("status").GetString(), item.GetProperty("providerStatus").GetString(), item.GetProperty("mismatch").GetBoolean()));

        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, TimeSpan.FromSeconds(60)));
        Assert.Equal("beneficiary_bank_rejected", failed.Code);
        Assert.Equal(before, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_command_that_can_never_be_processed_ends_in_the_error_queue_and_shows_in_the_report()
    {
        var command = new SettlePayout(Guid.NewGuid(), "PO-POISON", DestinationKind.BankAccount, fixture.Bus.AddFaultyDestination(), "bank_transfer", 5m, "USD", "Payout poisoned");

        await fixture.Bus.SendAsync(command);

        using var admin = fixture.Settlement.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(new AuthTokenRequest("9001", [PayoutsRoles.Admin])));
        JsonElement? fault = null;
        await Eventually.HoldsAsync(async () =>
        {
            var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/settlement/reconciliation");
            fault = report.GetProperty("data").GetProperty("faults").EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(f => f!.Value.GetProperty("subjectId").GetGuid() == command.PayoutId);
            return fault is not null;
        }, "the poison message in the report", TimeSpan.FromSeconds(90));
        Assert.Equal("SettlePayout", fault!.Value.GetProperty("messageType").GetString());
        Assert.Empty(await fixture.ProviderTransfersAsync(command.PayoutId));
        Assert.Empty(fixture.Bus.OutcomesFor(command.PayoutId));
    }

    [Fact]
    public async Task The_status_query_answers_from_our_record()
    {
        var command = new SettlePayout(Guid.NewGuid(), "PO-QUERY", DestinationKind.BankAccount, fixture.Bus.AddBankAccount("4434567890"), "bank_transfer", 9m, "USD", "Payout queried");
        await fixture.Bus.SendAsync(command);
        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, TimeSpan.FromSeconds(30)));
        var client = fixture.Bus.Bus.CreateRequestClient<GetSettlementStatus>(RequestTimeout.After(s: 30));

        var known = (await client.GetResponse<SettlementStatus>(new GetSettlementStatus(command.PayoutId))).Message;
        var unknown = (await client.GetResponse<SettlementStatus>(new GetSettlementStatus(Guid.NewGuid()))).Message;

        Assert.Equal(("completed", settled.ProviderTransferId, 9m), (known.Status, known.ProviderTransferId, known.Amount));
        Assert.Equal(SettlementStatus.NotFound, unknown.Status);
    }
}
