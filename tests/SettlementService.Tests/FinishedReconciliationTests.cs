using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payouts.Contracts.Settlement;
using Payouts.ProviderSandbox.Domain;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// <c>GET /api/admin/settlement/reconciliation/finished</c>: finished transfers in a window, each compared with the
/// provider by payment reference. Disagreements are staged for real: our rows written in the test database, and
/// transfers made at the sandbox out of band.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class FinishedReconciliationTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private const string Path = "/api/admin/settlement/reconciliation/finished";
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Transfers_settled_normally_report_no_mismatch()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        SettlePayout[] commands =
        [
            Command(DestinationKind.BankAccount, fixture.Bus.AddBankAccount("6634567890"), null, 20m),
            Command(DestinationKind.BankAccount, fixture.Bus.AddBankAccount(TestDestinations.ClosedAccountNumber), null, 21m),
            Command(DestinationKind.BankAccount, fixture.Bus.AddBankAccount("6634567891", payable: false), null, 22m),
            Command(DestinationKind.PayPal, 0, $"clean.{Guid.NewGuid():N}@example.com", 23m),
        ];

        foreach (var command in commands) await fixture.Bus.SendAsync(command);
        foreach (var command in commands) await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout);

        var data = await ReportAsync($"?from={Iso(from)}&to={Iso(DateTimeOffset.UtcNow.AddSeconds(1))}");
        Assert.Equal((4, 4), (data.GetProperty("checked").GetInt32(), data.GetProperty("matched").GetInt32()));
        Assert.Empty(data.GetProperty("mismatches").EnumerateArray());
        Assert.Empty(data.GetProperty("unanswered").EnumerateArray());
        Assert.Equal(4, data.GetProperty("pagination").GetProperty("totalItems").GetInt32());
    }

    [Fact]
    public async Task Each_kind_of_disagreement_with_the_provider_is_reported()
    {
        var window = StagedWindow();
        var at = window.AddMinutes(1);
        using (var sandbox = fixture.SandboxClient())
        {
            (await sandbox.PutAsJsonAsync($"/sandbox/admin/accounts/{SandboxHost.DebitAccount}/balances/EUR", new { balance = 1000m })).EnsureSuccessStatusCode();
        }

        // We say completed; the provider never saw it.
        var missing = Guid.NewGuid();
        await fixture.InsertOurTransferAsync(missing, "completed", 10m, "USD", at, providerTransferId: $"gone{Guid.NewGuid():N}"[..24]);

        // We say completed; the provider failed it.
        var statusDiffers = Guid.NewGuid();
        var failedThere = await fixture.CreateProviderTransferAsync(statusDiffers.ToString(), TestDestinations.ClosedAccountNumber, 11m);
        await fixture.InsertOurTransferAsync(statusDiffers, "completed", 11m, "USD", at, failedThere.GetProperty("_id").GetString());

        // Same transfer, another amount.
        var amountDiffers = Guid.NewGuid();
        var paidTwelve = await fixture.CreateProviderTransferAsync(amountDiffers.ToString(), "7734567890", 12m);
        await fixture.InsertOurTransferAsync(amountDiffers, "completed", 12.5m, "USD", at, paidTwelve.GetProperty("_id").GetString());

        // Same transfer, another currency.
        var currencyDiffers = Guid.NewGuid();
        var paidEuros = await fixture.CreateProviderTransferAsync(currencyDiffers.ToString(), "7734567891", 13m, "EUR");
        await fixture.InsertOurTransferAsync(currencyDiffers, "completed", 13m, "USD", at, paidEuros.GetProperty("_id").GetString());

        // We say failed (the hold went back); the provider paid it.
        var paidWhileFailed = Guid.NewGuid();
        await fixture.CreateProviderTransferAsync(paidWhileFailed.ToString(), "7734567892", 14m);
        await fixture.InsertOurTransferAsync(paidWhileFailed, "failed", 14m, "USD", at, failureCode: "not_received_by_provider");

        // We recorded another provider transfer than the one the provider holds for the reference.
        var transferIdDiffers = Guid.NewGuid();
        await fixture.CreateProviderTransferAsync(transferIdDiffers.ToString(), "7734567894", 17m);
        await fixture.InsertOurTransferAsync(transferIdDiffers, "completed", 17m, "USD", at, $"other{Guid.NewGuid():N}"[..24]);

        // Two that agree: a completed transfer the provider holds as ours, and a failure the provider never recorded.
        var agreesCompleted = Guid.NewGuid();
        var same = await fixture.CreateProviderTransferAsync(agreesCompleted.ToString(), "7734567893", 15m);
        await fixture.InsertOurTransferAsync(agreesCompleted, "completed", 15m, "USD", at, same.GetProperty("_id").GetString());
        var agreesFailed = Guid.NewGuid();
        await fixture.InsertOurTransferAsync(agreesFailed, "failed", 16m, "USD", at, failureCode: "insufficient_funds");

        var data = await ReportAsync($"?from={Iso(window)}&to={Iso(window.AddHours(1))}");

        Assert.Equal((8, 2), (data.GetProperty("checked").GetInt32(), data.GetProperty("matched").GetInt32()));
        var byPayout = data.GetProperty("mismatches").EnumerateArray().ToDictionary(
            m => m.GetProperty("payoutId").GetGuid(),
            m => m.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Equal(6, byPayout.Count);
        Assert.Equal(["missing_at_provider"], byPayout[missing]);
        Assert.Equal(["status_differs"], byPayout[statusDiffers]);
        Assert.Equal(["amount_differs"], byPayout[amountDiffers]);
        Assert.Equal(["currency_differs"], byPayout[currencyDiffers]);
        Assert.Equal(["paid_while_failed"], byPayout[paidWhileFailed]);
        Assert.Equal(["transfer_id_differs"], byPayout[transferIdDiffers]);
        var amountItem = data.GetProperty("mismatches").EnumerateArray().Single(m => m.GetProperty("payoutId").GetGuid() == amountDiffers);
        Assert.Equal((12.5m, 12m), (amountItem.GetProperty("amount").GetDecimal(), amountItem.GetProperty("providerAmount").GetDecimal()));

        var failedOnly = await ReportAsync($"?from={Iso(window)}&to={Iso(window.AddHours(1))}&status=failed");
        Assert.Equal((2, 1), (failedOnly.GetProperty("checked").GetInt32(), failedOnly.GetProperty("matched").GetInt32()));
        Assert.Equal(paidWhileFailed, Assert.Single(failedOnly.GetProperty("mismatches").EnumerateArray()).GetProperty("payoutId").GetGuid());
    }

    [Fact]
    public async Task The_report_pages_through_the_window()
    {
        var window = StagedWindow();
        var payouts = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        for (var i = 0; i < payouts.Length; i++)
        {
            await fixture.InsertOurTransferAsync(payouts[i], "failed", 5m + i, "USD", window.AddMinutes(i + 1), failureCode: "account_closed");
        }

        var query = $"?from={Iso(window)}&to={Iso(window.AddHours(1))}&limit=2";
        var first = await ReportAsync(query + "&page=1");
        var second = await ReportAsync(query + "&page=2");
        var beyond = await ReportAsync(query + "&page=3");

        Assert.Equal(2, first.GetProperty("checked").GetInt32());
        Assert.Equal(1, second.GetProperty("checked").GetInt32());
        Assert.Equal(0, beyond.GetProperty("checked").GetInt32());
        var pagination = second.GetProperty("pagination");
        Assert.Equal((2, 2, 3, 2), (pagination.GetProperty("currentPage").GetInt32(), pagination.GetProperty("totalPages").GetInt32(),
            pagination.GetProperty("totalItems").GetInt32(), pagination.GetProperty("itemsPerPage").GetInt32()));
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?limit=ten")]
    [InlineData("?limit=1&limit=2")]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?from=yesterday")]
    [InlineData("?to=")]
    [InlineData("?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("?from=2026-01-01&to=2026-03-01")]
    [InlineData("?status=pending")]
    public async Task Bad_query_parameters_are_400_in_the_admin_envelope(string query)
    {
        using var admin = fixture.ApiClient();

        using var response = await admin.GetAsync(Path + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Only_administrators_may_read_the_report()
    {
        using var user = fixture.ApiClient(PayoutsRoles.User);
        using var anonymous = fixture.Settlement.CreateClient();

        using var forbidden = await user.GetAsync(Path);
        using var unauthorized = await anonymous.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private async Task<JsonElement> ReportAsync(string query)
    {
        using var admin = fixture.ApiClient();
        using var response = await admin.GetAsync(Path + query);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body.GetProperty("data");
    }

    /// <summary>An hour in the past that no other test's transfers finished in.</summary>
    private static DateTimeOffset StagedWindow() =>
        new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(0, 50_000));

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("O"));

    private static SettlePayout Command(DestinationKind kind, long destinationId, string? handle, decimal amount) =>
        new(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], kind, destinationId, kind == DestinationKind.PayPal ? "paypal" : "bank_transfer", amount, "USD", "Payout reported", handle);
}
