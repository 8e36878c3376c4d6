using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payouts.Contracts.Settlement;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// <c>POST /api/admin/settlement/transfers/{payoutId}/resolve</c> against the sandbox: an operator closes a transfer
/// reconciliation cannot, only as the provider's live record allows — a payout is paid at most once, and money that
/// left is never released.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class TransferResolutionTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    [Fact]
    public async Task A_flagged_transfer_resolved_completed_settles_once_with_the_provider_transfer()
    {
        var (command, providerTransferId) = await FlaggedTransferAsync(ours: 60m, theirs: 50m);
        var balance = await fixture.DebitAccountBalanceAsync();
        using var resolutions = new ResolutionCounter();
        using var admin = fixture.ApiClient();

        using var response = await ResolveAsync(admin, command.PayoutId, new { outcome = "completed", note = "Provider paid 50 after a manual correction; accepted" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal((command.PayoutId, Transfer.ReferenceFor(command.PayoutId), "completed", providerTransferId),
            (data.GetProperty("payoutId").GetGuid(), data.GetProperty("paymentReference").GetString(), data.GetProperty("status").GetString(),
                data.GetProperty("providerTransferId").GetString()));
        Assert.Equal((60m, "USD", 50m, "USD"),
            (data.GetProperty("amount").GetDecimal(), data.GetProperty("currency").GetString(), data.GetProperty("providerAmount").GetDecimal(),
                data.GetProperty("providerCurrency").GetString()));
        Assert.Equal(("completed", "9001", "Provider paid 50 after a manual correction; accepted"),
            (data.GetProperty("resolution").GetString(), data.GetProperty("resolvedBy").GetString(), data.GetProperty("resolutionNote").GetString()));

        var settled = Assert.IsType<PayoutSettled>(await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, Eventually.DefaultTimeout));
        Assert.Equal((providerTransferId, 60m, "USD"), (settled.ProviderTransferId, settled.Amount, settled.Currency));
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal(("completed", providerTransferId, 60m, null), (ours.Status, ours.ProviderTransferId, ours.Amount, ours.FailureReason));
        Assert.Equal(("completed", "9001", "Provider paid 50 after a manual correction; accepted"), (ours.Resolution, ours.ResolvedBy, ours.ResolutionNote));
        // Seed 004 writes timestamps to the second.
        var resolvedAt = ours.ResolvedAt!.Value;
        Assert.Equal(data.GetProperty("resolvedAt").GetDateTimeOffset(), resolvedAt.AddTicks(-(resolvedAt.UtcTicks % TimeSpan.TicksPerSecond)));

        // The transfer is final now: neither outcome is accepted again.
        using var again = await ResolveAsync(admin, command.PayoutId, new { outcome = "completed", note = "Twice" });
        using var reversed = await ResolveAsync(admin, command.PayoutId, new { outcome = "failed", note = "Changed my mind" });
        await AssertErrorAsync(again, HttpStatusCode.Conflict);
        await AssertErrorAsync(reversed, HttpStatusCode.Conflict);
        Assert.Equal(ours.UpdatedAt, Assert.Single(await fixture.OurTransfersAsync(command.PayoutId)).UpdatedAt);
        Assert.Equal(providerTransferId, Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString());
        Assert.Equal(balance, await fixture.DebitAccountBalanceAsync());
        await OutboxDeliveredAsync();
        Assert.Single(fixture.Bus.OutcomesFor(command.PayoutId));
        Assert.Equal([("completed", "resolved"), ("completed", "not_open"), ("failed", "not_open")], resolutions.Recorded);

        // Shown where operators look: the transfer status and the finished report, beside the accepted difference.
        var status = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/payouts/transfer-status/{providerTransferId}")).GetProperty("data");
        Assert.Equal(("completed", "completed", "9001"),
            (status.GetProperty("settlementStatus").GetString(), status.GetProperty("resolution").GetString(), status.GetProperty("resolvedBy").GetString()));
        var finished = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/settlement/reconciliation/finished?status=completed")).GetProperty("data");
        var item = finished.GetProperty("mismatches").EnumerateArray().Single(i => i.GetProperty("payoutId").GetGuid() == command.PayoutId);
        Assert.Equal(["amount_differs"], item.GetProperty("differences").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("completed", "9001", "Provider paid 50 after a manual correction; accepted"),
            (item.GetProperty("resolution").GetString(), item.GetProperty("resolvedBy").GetString(), item.GetProperty("resolutionNote").GetString()));
    }

    [Fact]
    public async Task A_transfer_the_provider_completed_cannot_be_resolved_failed()
    {
        var (command, providerTransferId) = await FlaggedTransferAsync(ours: 80m, theirs: 75m);
        var before = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        using var admin = fixture.ApiClient();

        using var response = await ResolveAsync(admin, command.PayoutId, new { outcome = "failed", note = "Release the hold" });

        var message = await AssertErrorAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("completed", message);
        var ours = Assert.Single(await fixture.OurTransfersAsync(command.PayoutId));
        Assert.Equal(("unknown", null, null), (ours.Status, ours.Resolution, ours.ResolvedBy));
        Assert.StartsWith(SettlementOutcome.AmountMismatch, ours.FailureReason);
        Assert.Equal(before.ProviderTransferId, ours.ProviderTransferId);
        Assert.Equal(providerTransferId, Assert.Single(await fixture.ProviderTransfersAsync(command.PayoutId)).GetProperty("_id").GetString());
        await OutboxDeliveredAsync();
        Assert.Empty(fixture.Bus.OutcomesFor(command.PayoutId));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("pending")]
    public async Task An_open_transfer_the_provider_never_received_is_resolved_failed_and_the_payout_told(string status)
    {
        var payoutId = await fixture.StageOpenTransferNobodySweepsAsync(status);
        // The longest note there may be; the failure reason (what the payout is told) keeps its first 200 characters.
        var note = ("Provider support confirms nothing was ever received for this reference (ticket 4711). " + new string('.', 500))[..500];
        using var admin = fixture.ApiClient();

        using var completed = await ResolveAsync(admin, payoutId, new { outcome = "completed", note = "Pay it" });
        await AssertErrorAsync(completed, HttpStatusCode.Conflict);
        using var response = await ResolveAsync(admin, payoutId, new { outcome = "failed", note });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal(("failed", "not_found", OperatorResolution.FailureCode, note),
            (data.GetProperty("status").GetString(), data.GetProperty("providerStatus").GetString(), data.GetProperty("failureCode").GetString(),
                data.GetProperty("resolutionNote").GetString()));
        var failed = Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(payoutId, Eventually.DefaultTimeout));
        Assert.Equal((OperatorResolution.FailureCode, note[..200]), (failed.Code, failed.Reason));
        var ours = Assert.Single(await fixture.OurTransfersAsync(payoutId));
        Assert.Equal(("failed", OperatorResolution.FailureCode, "failed", "9001", note), (ours.Status, ours.FailureCode, ours.Resolution, ours.ResolvedBy, ours.ResolutionNote));
        Assert.Empty(await fixture.ProviderTransfersAsync(payoutId));
        await OutboxDeliveredAsync();
        Assert.Single(fixture.Bus.OutcomesFor(payoutId));
    }

    [Fact]
    public async Task Bad_requests_are_refused_in_the_admin_envelope_and_change_nothing()
    {
        var payoutId = await fixture.StageOpenTransferNobodySweepsAsync("unknown");
        var sending = await fixture.StageOpenTransferNobodySweepsAsync(TransferStatus.Sending);
        // Sent "now" as far as the service can tell: a call that timed out may still reach the provider.
        var justSent = await fixture.StageOpenTransferNobodySweepsAsync("unknown", sentAt: DateTimeOffset.UtcNow.AddDays(1));
        var before = Assert.Single(await fixture.OurTransfersAsync(payoutId));
        using var admin = fixture.ApiClient();
        using var user = fixture.ApiClient(PayoutsRoles.User);
        using var anonymous = fixture.Settlement.CreateClient();
        var path = $"/api/admin/settlement/transfers/{payoutId}/resolve";

        (HttpClient Client, string Path, string Body, HttpStatusCode Expected)[] cases =
        [
            (admin, path, """{"outcome": "failed"}""", HttpStatusCode.BadRequest),
            (admin, path, """{"outcome": "failed", "note": "   "}""", HttpStatusCode.BadRequest),
            (admin, path, JsonSerializer.Serialize(new { outcome = "failed", note = new string('x', 501) }), HttpStatusCode.BadRequest),
            (admin, path, """{"outcome": "failed", "note": 42}""", HttpStatusCode.BadRequest),
            (admin, path, """{"outcome": "refunded", "note": "Not an outcome"}""", HttpStatusCode.BadRequest),
            (admin, path, """{"note": "No outcome"}""", HttpStatusCode.BadRequest),
            (admin, path, """{"outcome": "failed", "note": """, HttpStatusCode.BadRequest),
            (admin, path, "", HttpStatusCode.BadRequest),
            (admin, path, "[]", HttpStatusCode.BadRequest),
            (admin, "/api/admin/settlement/transfers/not-a-uuid/resolve", """{"outcome": "failed", "note": "Bad id"}""", HttpStatusCode.BadRequest),
            (admin, $"/api/admin/settlement/transfers/{Guid.NewGuid()}/resolve", """{"outcome": "failed", "note": "Nobody's"}""", HttpStatusCode.NotFound),
            (admin, $"/api/admin/settlement/transfers/{sending}/resolve", """{"outcome": "failed", "note": "Still sending"}""", HttpStatusCode.Conflict),
            (admin, $"/api/admin/settlement/transfers/{justSent}/resolve", """{"outcome": "failed", "note": "Too soon"}""", HttpStatusCode.Conflict),
            (user, path, """{"outcome": "failed", "note": "Not an admin"}""", HttpStatusCode.Forbidden),
            (anonymous, path, """{"outcome": "failed", "note": "No token"}""", HttpStatusCode.Unauthorized),
        ];
        foreach (var (client, requestPath, body, expected) in cases)
        {
            using var response = await client.PostAsync(requestPath, new StringContent(body, Encoding.UTF8, "application/json"));
            await AssertErrorAsync(response, expected, $"{requestPath} {body}");
        }

        var after = Assert.Single(await fixture.OurTransfersAsync(payoutId));
        Assert.Equal(("unknown", before.UpdatedAt, null, null), (after.Status, after.UpdatedAt, after.Resolution, after.ResolvedBy));
        Assert.Equal(TransferStatus.Sending, Assert.Single(await fixture.OurTransfersAsync(sending)).Status);
        var fresh = Assert.Single(await fixture.OurTransfersAsync(justSent));
        Assert.Equal(("unknown", null), (fresh.Status, fresh.Resolution));
        await OutboxDeliveredAsync();
        Assert.Empty(fixture.Bus.OutcomesFor(payoutId));
        Assert.Empty(fixture.Bus.OutcomesFor(sending));
        Assert.Empty(fixture.Bus.OutcomesFor(justSent));
    }

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, Guid payoutId, object body) =>
        client.PostAsJsonAsync($"/api/admin/settlement/transfers/{payoutId}/resolve", body);

    /// <summary>Asserts the status and the admin error envelope; returns its message.</summary>
    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode expected, string? what = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.False(body.GetProperty("success").GetBoolean());
        var message = body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>As the amount-mismatch test makes one: the provider already holds the reference, for another amount.</summary>
    private async Task<(SettlePayout Command, string ProviderTransferId)> FlaggedTransferAsync(decimal ours, decimal theirs)
    {
        var accountNumber = $"77{Random.Shared.Next(10_000_000, 100_000_000)}";
        var command = new SettlePayout(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount, fixture.Bus.AddBankAccount(accountNumber),
            "bank_transfer", ours, "USD", "Payout resolved by hand");
        var outOfBand = await fixture.CreateProviderTransferAsync(command.PayoutId.ToString(), accountNumber, theirs);

        await fixture.Bus.SendAsync(command);

        await Eventually.HoldsAsync(async () => (await fixture.OurTransfersAsync(command.PayoutId)) is [{ Status: "unknown", FailureReason: { } reason }]
            && reason.StartsWith(SettlementOutcome.AmountMismatch, StringComparison.Ordinal), "the transfer to be flagged");
        return (command, outOfBand.GetProperty("_id").GetString()!);
    }

    /// <summary>
    /// Every event settlement committed before now has reached the test bus. The outbox keeps commit order per
    /// destination only (settled and failed are two exchanges), so first wait until the broker has confirmed every row;
    /// then a later payout's outcome, queued behind them on the test bus's one queue, arrives after them.
    /// </summary>
    private async Task OutboxDeliveredAsync()
    {
        await Eventually.MatchAsync(fixture.OutboxBacklogAsync, rows => rows == 0, "settlement's outbox to empty (rows left)");
        var later = new SettlePayout(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount,
            fixture.Bus.AddBankAccount($"78{Random.Shared.Next(10_000_000, 100_000_000)}"), "bank_transfer", 1m, "USD", "Later payout");
        await fixture.Bus.SendAsync(later);
        await fixture.Bus.WaitForOutcomeAsync(later.PayoutId, Eventually.DefaultTimeout);
    }

    /// <summary>The resolutions settlement counted (<c>settlement.transfers.resolved</c>) while this is alive, as (outcome, result).</summary>
    private sealed class ResolutionCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string, string)> _recorded = new();

        public ResolutionCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ProviderClient.TelemetryName && instrument.Name == "settlement.transfers.resolved")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                string? outcome = null, result = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome") outcome = tag.Value as string;
                    if (tag.Key == "result") result = tag.Value as string;
                }

                _recorded.Enqueue((outcome ?? "", result ?? ""));
            });
            _listener.Start();
        }

        public IReadOnlyList<(string, string)> Recorded => [.. _recorded];

        public void Dispose() => _listener.Dispose();
    }
}
